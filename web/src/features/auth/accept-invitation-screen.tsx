import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { session } from '../../shared/auth/session';
import { Screen } from '../../shared/layout/screen';
import { NewPasswordField } from '../../shared/ui/new-password-field';
import { Button } from '../../shared/ui/button';
import { Form } from '../../shared/ui/form';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { takeHashToken } from './hash-token';

/** An invited person sets a password (the token came in the emailed link), then is signed in. */
export function AcceptInvitationScreen() {
  const { t } = useLingui();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [token] = useState(() => takeHashToken());
  const accept = useMutation({
    mutationFn: async (password: string) => {
      const user = await unwrap<{ email: string }>(api.POST('/api/v1/auth/invitations/accept', { body: { token: token ?? '', password } }));
      await session.signIn(user.email, password);
    },
    onSuccess: () => router.navigate({ to: '/' }),
  });
  const errors = fieldErrorsOf(accept.error);
  return (
    <Screen title={t`Welcome to GDS Academy`}>
      {!token ? (
        <p className="notice">
          <Trans>This invitation link is incomplete. Open the link from your email again, or ask the programme team for a new invitation.</Trans>
        </p>
      ) : (
        <>
          <p>
            <Trans>Choose a password to finish setting up your account.</Trans>
          </p>
          <Form onSubmit={({ password }) => accept.mutate(password)}>
            <FormAlert message={accept.isError ? errorMessage(accept.error) : undefined} />
            <NewPasswordField error={errors.password} />
            <Button type="submit" isPending={accept.isPending}>
              <Trans>Set password and sign in</Trans>
            </Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/sign-in">
          <Trans>Already set up? Sign in</Trans>
        </Link>
      </p>
    </Screen>
  );
}
