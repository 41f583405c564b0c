import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { ProblemError } from '../../shared/api/problem';
import { session } from '../../shared/auth/session';
import { Screen } from '../../shared/layout/screen';
import { NewPasswordField } from '../../shared/ui/new-password-field';
import { Button } from '../../shared/ui/button';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { takeHashToken } from './hash-token';

/**
 * The screen the reset email links to (`/app/reset-password#token=…`): a new password, then signed
 * in with it (the reset ended every earlier session of the account, this browser's included).
 */
export function ResetPasswordScreen() {
  const { t } = useLingui();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [token] = useState(() => takeHashToken());
  const reset = useMutation({
    mutationFn: async (password: string) => {
      const done = await unwrap(api.POST('/api/v1/auth/password-resets/complete', { body: { token: token ?? '', password } }));
      await session.signIn(done.email, password);
    },
    onSuccess: () => router.navigate({ to: '/' }),
  });
  const errors = fieldErrorsOf(reset.error);
  // A used, expired or mangled link: the password field cannot help, a new link can.
  const deadLink = reset.error instanceof ProblemError && reset.error.slug === 'invalid-reset-token';
  return (
    <Screen title={t`Choose a new password`}>
      {!token || deadLink ? (
        <div className="notice" role={deadLink ? 'alert' : undefined}>
          <p>
            {deadLink ? (
              <Trans>This link has already been used or has expired (links work once, for 30 minutes).</Trans>
            ) : (
              <Trans>This link is incomplete. Open the link from your email again.</Trans>
            )}
          </p>
          <p>
            <Link to="/forgot-password">
              <Trans>Ask for a new link</Trans>
            </Link>
          </p>
        </div>
      ) : (
        <Form onSubmit={({ password }) => reset.mutate(password)}>
          <FormAlert message={reset.isError ? errorMessage(reset.error) : undefined} />
          <NewPasswordField error={errors.password} />
          <Button type="submit" isPending={reset.isPending}>
            <Trans>Save password and sign in</Trans>
          </Button>
        </Form>
      )}
      <p>
        <Link to="/sign-in">
          <Trans>Back to sign in</Trans>
        </Link>
      </p>
    </Screen>
  );
}
