import { createRootRoute, createRoute, notFound, Outlet, redirect } from '@tanstack/react-router';
import { AppShell } from '../layout/app-shell';
import { session } from '../auth/session';
import { hasSomeRole } from '../auth/has-some-role';
import { NotFoundScreen } from '../layout/not-found-screen';
import { loadQueryClient } from '../api/query-client-loader';

/** The routes every feature hangs its screens on: the shell, then "anyone" and "signed in" branches. */
export const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFoundScreen,
});

/** Screens for people who are not signed in (sign in, register, password reset, invitations). */
export const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: Outlet,
});

/**
 * Screens that need a session: waits for the session to be restored, else goes to sign-in and back.
 * Their loaders get the QueryClient in their context (TanStack Query loads beside the session's restore).
 */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ location }) => {
    const [, queryClient] = await Promise.all([session.start(), loadQueryClient()]);
    if (session.getSnapshot().status !== 'signed-in') {
      throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    }
    return { queryClient };
  },
  component: Outlet,
});

/**
 * A branch of screens for some roles only (instructor, admin, reviewer, ...). Anyone else gets the
 * "not found or not yours" screen, exactly like a deep link to another person's data; the API
 * refuses them too, so this is for clarity, not the security boundary.
 */
export function createRoleRoute(id: string, roles: readonly string[], prepare?: () => Promise<void>) {
  return createRoute({
    getParentRoute: () => signedInRoute,
    id,
    beforeLoad: async () => {
      if (!hasSomeRole(session.user()?.roles, roles)) throw notFound();
      // E.g. the branch's own message catalogue, before any of its screens renders.
      await prepare?.();
    },
    component: Outlet,
  });
}
