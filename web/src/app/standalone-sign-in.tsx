import { I18nProvider } from '@lingui/react';
import type { I18n } from '@lingui/core';
import { ShellFrame } from '../shared/layout/shell-frame';
import { PlainLink } from '../shared/ui/plain-link';
import { SignInScreen } from '../features/auth/sign-in-screen';
import type { SignInSearch } from '../features/auth/sign-in-search';

interface StandaloneSignInProps {
  i18n: I18n;
  search: SignInSearch;
  /** The handover to the full app (handover.ts). */
  navigate: (href: string) => Promise<void>;
}

/** The sign-in screen in the page frame, before (and without) the router: same screen, same frame as in the app. */
export function StandaloneSignIn({ i18n, search, navigate }: StandaloneSignInProps) {
  return (
    <I18nProvider i18n={i18n}>
      <ShellFrame
        brandLink={({ children, ...props }) => (
          <PlainLink to="/" navigate={navigate} {...props}>
            {children}
          </PlainLink>
        )}
      >
        <SignInScreen search={search} navigate={navigate} />
      </ShellFrame>
    </I18nProvider>
  );
}
