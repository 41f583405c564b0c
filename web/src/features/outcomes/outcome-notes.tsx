import { Trans, useLingui } from '@lingui/react/macro';
import { useSuppressionReasons } from './figure-cell';

/** Why some figures read "Suppressed": the rule (k), each reason, and what the reader may still rely on. */
export function OutcomeNotes({ minCellSize }: { minCellSize: number }) {
  const { t } = useLingui();
  const reasons = useSuppressionReasons();
  const reasonCodes = ['fewer-than-k-trainees', 'small-count', 'complementary', 'fewer-than-two-categories'];
  return (
    <section className="section" aria-labelledby="why-suppressed">
      <h2 id="why-suppressed">
        <Trans>Why some figures are suppressed</Trans>
      </h2>
      <p>
        <Trans>
          To protect trainees' privacy, no figure is published for a group of fewer than <strong data-metric="minCellSize" data-kind="count">{minCellSize}</strong> trainees
          (k). Smaller groups are merged into "Other", and a figure that could single someone out reads "Suppressed", with one of these reasons:
        </Trans>
      </p>
      <dl className="outcome-notes">
        {reasonCodes.map((code) => (
          <div key={code}>
            <dt>{reasons[code].short}</dt>
            <dd>{reasons[code].long}</dd>
          </div>
        ))}
      </dl>
      <p className="meta">{t`A dash (–) is not suppressed: there was nobody to compute it over.`}</p>
    </section>
  );
}
