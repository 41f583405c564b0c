import { useState } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { session } from '../../shared/auth/session';
import { Screen } from '../../shared/layout/screen';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { useErrorMessage } from '../../shared/states/error-state';
import { Form } from '../../shared/ui/form';
import { PlainLink } from '../../shared/ui/plain-link';
import { safeRedirect } from './safe-redirect';
import type { SignInSearch } from './sign-in-search';
import { opensTraineeHome, prefetchHomeReads } from '../../shared/api/resources/home-reads';
import { loadedQueryClient, loadQueryClient } from '../../shared/api/query-client-loader';

export interface SignInScreenProps {
  search: SignInSearch;
  /**
   * Goes to a path of the app (after signing in, or a link): the router's navigation inside the full
   * app (sign-in-route.tsx), or the handover to it when the screen started on its own (main.tsx).
   */
  navigate: (href: string) => Promise<void> | void;
}

/** The sign-in screen; it needs no router, so that it can show before the router has downloaded (issue 14). */
export function SignInScreen({ search, navigate }: SignInScreenProps) {
  const { t } = useLingui();
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
    await navigate(safeRedirect(search.redirect));
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
          <PlainLink to="/forgot-password" navigate={navigate}>
            <Trans>Forgot your password?</Trans>
          </PlainLink>
        </li>
        <li>
          <PlainLink to="/register" navigate={navigate}>
            <Trans>New here? Create an account</Trans>
          </PlainLink>
        </li>
      </ul>
    </Screen>
  );
}
