import { Link, Outlet } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { useSession } from '../auth/use-session';
import { OfflineBanner } from '../states/offline-banner';
import { MainNav } from './main-nav';
import { SessionWatch } from './session-watch';

/**
 * The page frame of every screen: skip link, banner (brand and, when signed in, the main
 * navigation: a top bar on wide screens, a bottom bar on phones), the main landmark.
 */
export function AppShell() {
  const { t } = useLingui();
  const { status } = useSession();
  return (
    <div className={status === 'signed-in' ? 'shell shell-signed-in' : 'shell'}>
      <a className="skip-link" href="#main">
        <Trans>Skip to content</Trans>
      </a>
      <header className="banner">
        <Link to="/" className="brand" aria-label={t`GDS Academy, home`}>
          <img src="/app/icon.svg" alt="" width="28" height="28" />
          <span>GDS Academy</span>
        </Link>
        {status === 'signed-in' && <MainNav />}
      </header>
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SessionWatch />
    </div>
  );
}
