import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useRouter, useSearch } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { session } from '../../shared/auth/session';
import { Screen } from '../../shared/layout/screen';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { safeRedirect } from './safe-redirect';
import { opensTraineeHome, prefetchHomeReads } from '../../shared/api/resources/home-reads';

export function SignInScreen() {
  const { t } = useLingui();
  const router = useRouter();
  const search = useSearch({ from: '/public/sign-in' });
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const signIn = useMutation({
    // Home's reads leave as soon as the sign-in answers, before the app re-renders for the signed-in
    // person and before the router works out the navigation (see prefetchHomeReads, Session.signIn).
    mutationFn: ({ email, password }: { email: string; password: string }) =>
      session.signIn(email, password, (user) => {
        if (safeRedirect(search.redirect) === '/' && opensTraineeHome(user.roles)) prefetchHomeReads(queryClient);
      }),
    onSuccess: () => router.navigate({ href: safeRedirect(search.redirect) }),
  });
  const errors = fieldErrorsOf(signIn.error);
  return (
    <Screen title={t`Sign in`}>
      {search.expired && !signIn.isError && (
        <p className="notice" role="status">
          <Trans>Your session has ended. Sign in again to carry on where you were.</Trans>
        </p>
      )}
      <Form onSubmit={({ email, password }) => signIn.mutate({ email, password })}>
        <FormAlert message={signIn.isError ? errorMessage(signIn.error) : undefined} />
        <TextField name="email" type="email" label={t`Email`} autoComplete="username" required error={errors.email} />
        <TextField name="password" type="password" label={t`Password`} autoComplete="current-password" required error={errors.password} />
        <Button type="submit" isPending={signIn.isPending}>
          <Trans>Sign in</Trans>
        </Button>
      </Form>
      <ul className="link-list">
        <li>
          <Link to="/forgot-password">
            <Trans>Forgot your password?</Trans>
          </Link>
        </li>
        <li>
          <Link to="/register">
            <Trans>New here? Create an account</Trans>
          </Link>
        </li>
      </ul>
    </Screen>
  );
}
