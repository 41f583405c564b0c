import type { ReactNode } from 'react';
import { Trans, useLingui } from '@lingui/react/macro';
import { useSession } from '../auth/use-session';
import { OfflineBanner } from '../states/offline-banner';

export interface ShellFrameProps {
  /** The brand's link home: the router's link in the full app, a plain one before it has loaded (main.tsx). */
  brandLink: (props: { className: string; 'aria-label': string; children: ReactNode }) => ReactNode;
  /** After the brand in the banner (the main navigation, when signed in). */
  navigation?: ReactNode;
  /** The screen. */
  children: ReactNode;
}

/**
 * The page frame of every screen: skip link, banner (brand and, when signed in, the main
 * navigation: a top bar on wide screens, a bottom bar on phones), the main landmark. No router in
 * here: the sign-in screen shows in it before the router has downloaded (issue 14).
 */
export function ShellFrame({ brandLink, navigation, children }: ShellFrameProps) {
  const { t } = useLingui();
  const { status } = useSession();
  return (
    <div className={status === 'signed-in' ? 'shell shell-signed-in' : 'shell'}>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <header className="banner">
        {brandLink({
          className: 'brand',
          'aria-label': t`GDS Academy, home`,
          children: (
            <>
              <img src="/app/icon.svg" alt="" width="28" height="28" />
              <span>GDS Academy</span>
            </>
          ),
        })}
        {navigation}
      </header>
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
