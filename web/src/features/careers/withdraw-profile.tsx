import { Trans, useLingui } from '@lingui/react/macro';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { useWithdraw } from './careers.queries';
import { careersErrorText } from './careers-problems';

/** Stop being listed, after saying exactly what happens (the API does all of it in one transaction). */
export function WithdrawProfile() {
  const { t } = useLingui();
  const withdraw = useWithdraw();
  return (
    <div>
      <FormAlert message={withdraw.isError ? careersErrorText(withdraw.error) : undefined} />
      <ConfirmDialog trigger={t`Stop being listed`} title={t`Stop being listed?`} confirm={t`Stop being listed now`} cancel={t`Keep my listing`} onConfirm={() => withdraw.mutate()}>
        <p>
          <Trans>This takes effect at once:</Trans>
        </p>
        <ul className="consequences">
          <li>
            <Trans>Your profile is hidden immediately: no employer can find or open it.</Trans>
          </li>
          <li>
            <Trans>Interview requests still waiting for your answer end.</Trans>
          </li>
          <li>
            <Trans>You are removed from every employer's shortlist.</Trans>
          </li>
          <li>
            <Trans>Fair meetings and fair registrations that have not begun are cancelled.</Trans>
          </li>
        </ul>
        <p>
          <Trans>Requests you accepted keep their history. You can list your profile again at any time.</Trans>
        </p>
      </ConfirmDialog>
    </div>
  );
}
