import { useState } from 'react';
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
import { loadedQueryClient, loadQueryClient } from '../../shared/api/query-client-loader';

export function SignInScreen() {
  const { t } = useLingui();
  const router = useRouter();
  const search = useSearch({ from: '/public/sign-in' });
  const errorMessage = useErrorMessage();
  // Plain state rather than TanStack Query's useMutation: the sign-in screen is drawn before Query has
  // loaded (query-client-loader.ts), so that its chunk downloads while the person fills the form in.
  const [signIn, setSignIn] = useState<{ isPending: boolean; error: unknown }>({ isPending: false, error: null });
  const submit = async (email: string, password: string) => {
    setSignIn({ isPending: true, error: null });
    try {
      // Home's reads leave as soon as the sign-in answers, before the app re-renders for the signed-in
      // person and before the router works out the navigation (see prefetchHomeReads, Session.signIn).
      await session.signIn(email, password, (user) => {
        if (safeRedirect(search.redirect) !== '/' || !opensTraineeHome(user.roles)) return;
        const queryClient = loadedQueryClient();
        if (queryClient) prefetchHomeReads(queryClient);
        else void loadQueryClient().then(prefetchHomeReads, () => undefined);
      });
    } catch (error) {
      setSignIn({ isPending: false, error });
      return;
    }
    await router.navigate({ href: safeRedirect(search.redirect) });
    setSignIn({ isPending: false, error: null });
  };
  const isError = signIn.error !== null;
  const errors = fieldErrorsOf(signIn.error);
  return (
    <Screen title={t`Sign in`}>
      {search.expired && !isError && (
        <p className="notice" role="status">
          <Trans>Your session has ended. Sign in again to carry on where you were.</Trans>
        </p>
      )}
      <Form onSubmit={({ email, password }) => void submit(email, password)}>
        <FormAlert message={isError ? errorMessage(signIn.error) : undefined} />
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
