import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import { type DemographicConsent, demographicConsentQuery } from '../../shared/api/resources/me';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { useFormat } from '../../shared/i18n/use-format';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';

/**
 * Consent to the optional demographic fields: why they are asked for (the purpose text in force,
 * in the person's language when we have it translated), then give or withdraw. Withdrawing deletes
 * the fields on the server; the profile form shows them only while consent is in force.
 */
export function DemographicConsentSection() {
  const { t } = useLingui();
  const consent = useQuery(demographicConsentQuery);
  return (
    <section className="section" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t`About you: your consent`}</h2>
      <QueryView query={consent}>{(state) => <ConsentState state={state} />}</QueryView>
    </section>
  );
}

function ConsentState({ state }: { state: DemographicConsent }) {
  const { t } = useLingui();
  const { date } = useFormat();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const change = useMutation({
    mutationFn: (give: boolean) =>
      unwrap<DemographicConsent>(
        give
          ? api.PUT('/api/v1/me/demographic-consent', { body: { version: state.purpose.version } })
          : api.DELETE('/api/v1/me/demographic-consent'),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.demographicConsent, updated);
      // Withdrawal deleted the fields: the profile shows them gone.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    },
  });
  const given = state.consent;
  const purposeV1 = t`GDS Academy asks for your gender, birth year, district and employer only to report to the consortium and its funder, in aggregate, how training outcomes differ between groups (for example women and young people). Reports never name you or any group of fewer than a few trainees. Giving them is optional; you can withdraw this consent at any time, and the fields are then deleted and left out of every later report.`;
  return (
    <>
      <p className="field-description">
        {/* The versions we have translated are in the catalogue (the same text, word for word); a newer one shows as the server sends it until translated. */}
        {state.purpose.version === 1 ? purposeV1 : state.purpose.text}
      </p>
      <FormAlert message={change.isError ? errorMessage(change.error) : undefined} />
      {given ? (
        <>
          <p role="status">
            <Trans>You gave your consent on {date(given.givenAt)}.</Trans>
          </p>
          <ConfirmDialog
            trigger={t`Withdraw consent`}
            title={t`Withdraw your consent?`}
            confirm={t`Withdraw and delete my answers`}
            cancel={t`Keep my consent`}
            onConfirm={() => change.mutate(false)}
          >
            <p>
              <Trans>Your gender, birth year, district and employer will be deleted and left out of every later report. You can consent again at any time.</Trans>
            </p>
          </ConfirmDialog>
        </>
      ) : (
        <>
          <p role="status">
            <Trans>You have not given consent, so we hold none of these details.</Trans>
          </p>
          <Button onClick={() => change.mutate(true)} isPending={change.isPending}>
            <Trans>I agree: let me add these details</Trans>
          </Button>
        </>
      )}
    </>
  );
}

