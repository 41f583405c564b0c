import { Trans, useLingui } from '@lingui/react/macro';
import { useFormat } from '../../shared/i18n/use-format';
import { percentOf, type FigureState } from './figures';

/** count: a number of trainees; rate: a share shown as a percentage; number: a score or a number of days. */
export type FigureKind = 'count' | 'rate' | 'number';

interface FigureCellProps {
  /** The figure's path in the JSON report (e.g. `overall.completed`): the browser test reads it back from there. */
  path: string;
  kind: FigureKind;
  state: FigureState;
}

/** One figure of a table, written so that a withheld one reads "Suppressed" with its reason, never as a blank or a zero. */
export function FigureCell({ path, kind, state }: FigureCellProps) {
  return (
    <td data-metric={path} data-kind={kind} className={state.kind === 'suppressed' ? 'figure figure-suppressed' : 'figure'}>
      <FigureText kind={kind} state={state} />
    </td>
  );
}

export function FigureText({ kind, state }: { kind: FigureKind; state: FigureState }) {
  const format = useFormat();
  const reasons = useSuppressionReasons();
  if (state.kind === 'none') return <span title="–">–</span>;
  if (state.kind === 'suppressed') {
    return (
      <>
        <Trans>Suppressed</Trans>
        {state.reason && <span className="figure-reason"> ({reasons[state.reason]?.short ?? state.reason})</span>}
      </>
    );
  }
  if (kind === 'rate') return <>{format.percent(percentOf(state.value))}</>;
  if (kind === 'number') return <>{format.number(state.value, 1)}</>;
  return <>{format.number(state.value)}</>;
}

/** The disclosure-control reasons of src/reporting/disclosure/suppression-reasons.ts, in the reader's language. */
export function useSuppressionReasons(): Record<string, { short: string; long: string }> {
  const { t } = useLingui();
  return {
    'fewer-than-k-trainees': { short: t`fewer than k trainees`, long: t`The figure would be computed over fewer than k trainees.` },
    'small-count': { short: t`small count`, long: t`The count, or the count of those without it, is between 1 and k−1 trainees: it could single someone out.` },
    complementary: {
      short: t`protects another`,
      long: t`Withheld so that another suppressed figure cannot be worked out by subtracting from the published ones.`,
    },
    'fewer-than-two-categories': { short: t`one category`, long: t`Fewer than two groups are large enough to publish, so the table is not broken down.` },
  };
}
