import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { ProgrammeNav } from '../../shared/layout/programme-nav';
import { QueryView } from '../../shared/states/query-view';
import { FormAlert } from '../../shared/ui/form-alert';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { certificateReviewsQuery, useResolveReview } from './certificate-reviews.queries';
import { ReviewDecision } from './review-decision';

/** Certificates flagged after a regrade (the holder fell below the criteria): staff keep or revoke each. */
export function CertificateReviewsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const reviews = useQuery(certificateReviewsQuery);
  const resolve = useResolveReview();
  const done = resolve.data;
  return (
    <Screen title={t`Certificates to review`} before={<ProgrammeNav />}>
      <FormAlert message={resolve.error ? errorMessage(resolve.error) : undefined} />
      <p role="status">{done && (done.reviewStatus === 'kept' ? t`Kept: ${done.holderName}, ${done.courseTitle}.` : t`Revoked: ${done.holderName}, ${done.courseTitle}.`)}</p>
      <QueryView query={reviews} isEmpty={(page) => page.items.length === 0} empty={<Trans>No certificate is waiting for review.</Trans>}>
        {(page) => (
          <ul className="card-list">
            {page.items.map((certificate) => {
              const issued = format.date(certificate.issuedAt);
              return (
                <li key={certificate.id} className="card">
                  <h2 className="card-title">{t`${certificate.holderName}: ${certificate.courseTitle}`}</h2>
                  <p className="meta">{t`Issued ${issued}; code ${certificate.verificationCode}`}</p>
                  <p>{certificate.reviewDetail}</p>
                  <ReviewDecision holder={certificate.holderName} onResolve={(resolution) => resolve.mutate({ id: certificate.id, resolution })} />
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Screen>
  );
}
