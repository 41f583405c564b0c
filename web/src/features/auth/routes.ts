import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { publicRoute } from '../../shared/routing/base-routes';
import { loadQueryClient } from '../../shared/api/query-client-loader';
// The first screen of a visit ships with the app (no second round trip on a slow connection); the rest load when opened.
// It also starts without the router when the page opens on it (main.tsx).
import { SignInRoute } from './sign-in-route';
import { validateSignInSearch } from './sign-in-search';

/** These screens send their forms through TanStack Query, which is loaded after the first screen (query-client-loader.ts). */
async function needsQueries(): Promise<void> {
  await loadQueryClient();
}

export const signInRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'sign-in',
  validateSearch: validateSignInSearch,
  component: SignInRoute,
});

export const registerRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'register',
  beforeLoad: needsQueries,
  component: lazyRouteComponent(() => import('./register-screen'), 'RegisterScreen'),
});

export const acceptInvitationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'accept-invitation',
  beforeLoad: needsQueries,
  component: lazyRouteComponent(() => import('./accept-invitation-screen'), 'AcceptInvitationScreen'),
});

export const forgotPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'forgot-password',
  beforeLoad: needsQueries,
  component: lazyRouteComponent(() => import('./forgot-password-screen'), 'ForgotPasswordScreen'),
});

/** The path the password reset email links to (src/notification/notification-templates.ts, APP_SCREENS). */
export const resetPasswordRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: 'reset-password',
  beforeLoad: needsQueries,
  component: lazyRouteComponent(() => import('./reset-password-screen'), 'ResetPasswordScreen'),
});

export const authRoutes = [signInRoute, registerRoute, acceptInvitationRoute, forgotPasswordRoute, resetPasswordRoute];
