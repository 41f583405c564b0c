import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { useSession } from '../auth/use-session';
import { OfflineBanner } from '../states/offline-banner';
import { loadedQueryClient, subscribeQueryClient } from '../api/query-client-loader';
import { SessionWatch } from './session-watch';

// Signed in only, and it reads the inbox count through TanStack Query: it comes with Query's chunk
// (vite.config.ts), not with the sign-in screen.
// Asked for at the first render, beside Query's chunk, so that signing in does not wait for it.
const loadMainNav = () => import('./main-nav');
const MainNav = lazy(() => loadMainNav().then(({ MainNav }) => ({ default: MainNav })));

/**
 * The page frame of every screen: skip link, banner (brand and, when signed in, the main
 * navigation: a top bar on wide screens, a bottom bar on phones), the main landmark.
 */
export function AppShell() {
  const { t } = useLingui();
  const { status } = useSession();
  const queries = useSyncExternalStore(subscribeQueryClient, loadedQueryClient);
  useEffect(() => void loadMainNav().catch(() => undefined), []);
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
        {status === 'signed-in' && queries && (
          <Suspense fallback={null}>
            <MainNav />
          </Suspense>
        )}
      </header>
      <OfflineBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <SessionWatch />
    </div>
  );
}
