import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { useSession } from '../auth/use-session';
import { loadedQueryClient, subscribeQueryClient } from '../api/query-client-loader';
import { SessionWatch } from './session-watch';
import { ShellFrame } from './shell-frame';

// Signed in only, and it reads the inbox count through TanStack Query: it comes with Query's chunk
// (vite.config.ts), not with the sign-in screen.
// Asked for at the first render, beside Query's chunk, so that signing in does not wait for it.
const loadMainNav = () => import('./main-nav');
const MainNav = lazy(() => loadMainNav().then(({ MainNav }) => ({ default: MainNav })));

/** The page frame (shell-frame.tsx) with the router's screens in it and the main navigation once signed in. */
export function AppShell() {
  const { status } = useSession();
  const queries = useSyncExternalStore(subscribeQueryClient, loadedQueryClient);
  useEffect(() => void loadMainNav().catch(() => undefined), []);
  return (
    <>
      <ShellFrame
        brandLink={({ children, ...props }) => (
          <Link to="/" {...props}>
            {children}
          </Link>
        )}
        navigation={
          status === 'signed-in' &&
          queries && (
            <Suspense fallback={null}>
              <MainNav />
            </Suspense>
          )
        }
      >
        <Outlet />
      </ShellFrame>
      <SessionWatch />
    </>
  );
}
