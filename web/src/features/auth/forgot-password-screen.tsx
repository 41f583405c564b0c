import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { Screen } from '../../shared/layout/screen';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';

/**
 * Asks for a password reset email. The answer is the same whether or not an account uses the
 * address (the server's too), so this screen never tells anyone who has an account.
 */
export function ForgotPasswordScreen() {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const request = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/password-resets', { body: { email } })),
  });
  const errors = fieldErrorsOf(request.error);
  return (
    <Screen title={t`Forgot your password?`}>
      {request.isSuccess ? (
        <div className="notice" role="status">
          <p>
            <Trans>If an account uses {request.variables}, we have sent it an email with a link to choose a new password.</Trans>
          </p>
          <p>
            <Trans>The link works once, for 30 minutes. No email? Check your spam folder, or ask again in a few minutes.</Trans>
          </p>
        </div>
      ) : (
        <>
          <p>
            <Trans>Enter the email you sign in with. We will send you a link to choose a new password.</Trans>
          </p>
          <Form onSubmit={({ email }) => request.mutate(email)}>
            <FormAlert message={request.isError ? errorMessage(request.error) : undefined} />
            <TextField name="email" type="email" label={t`Email`} autoComplete="email" required maxLength={254} error={errors.email} />
            <Button type="submit" isPending={request.isPending}>
              <Trans>Send me a link</Trans>
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/sign-in">
          <Trans>Back to sign in</Trans>
        </Link>
      </p>
    </Screen>
  );
}
