import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { ProblemError } from '../../shared/api/problem';
import { Screen } from '../../shared/layout/screen';
import { TextField } from '../../shared/ui/text-field';
import { NewPasswordField } from '../../shared/ui/new-password-field';
import { Button } from '../../shared/ui/button';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** A new password, the current one required; this browser stays signed in, every other session ends. */
export function ChangePasswordScreen() {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const change = useMutation({
    mutationFn: (body: PasswordChange) => unwrap(api.POST('/api/v1/me/password', { body })),
  });
  const errors = fieldErrorsOf(change.error);
  const wrongCurrent = change.error instanceof ProblemError && change.error.slug === 'wrong-current-password';
  const ended = change.data?.otherSessionsEnded ?? 0;
  return (
    <Screen
      title={t`Change your password`}
      before={
        <Link to="/profile" className="back-link">
          <Trans>Your profile</Trans>
        </Link>
      }
    >
      {change.isSuccess ? (
        <div className="notice" role="status">
          <p>
            <Trans>Your password is changed. You stay signed in here.</Trans>
          </p>
          {ended > 0 && (
            <p>
              <Plural value={ended} one="# other session (another browser or device) was signed out." other="# other sessions (other browsers or devices) were signed out." />
            </p>
          )}
        </div>
      ) : (
        <Form onSubmit={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}>
          <FormAlert message={change.isError && !wrongCurrent ? errorMessage(change.error) : undefined} />
          <TextField
            name="currentPassword"
            type="password"
            label={t`Current password`}
            autoComplete="current-password"
            required
            maxLength={128}
            error={wrongCurrent ? t`This is not your current password.` : errors.currentPassword}
          />
          <NewPasswordField name="newPassword" description={t`At least 8 characters, not a common password. Other browsers and devices will be signed out.`} error={errors.newPassword} />
          <Button type="submit" isPending={change.isPending}>
            <Trans>Change password</Trans>
          </Button>
        </Form>
      )}
    </Screen>
  );
}
