import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { Link, Outlet } from '@tanstack/react-router';
import { useSession } from '../auth/use-session';
import { loadedQueryClient, subscribeQueryClient } from '../api/query-client-loader';
import { SessionWatch } from './session-watch';
import { ShellFrame } from './shell-frame';
import { loadMainNav } from './main-nav-loader';

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
