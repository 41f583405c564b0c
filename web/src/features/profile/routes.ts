import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';

export const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'profile',
  component: lazyRouteComponent(() => import('./profile-screen'), 'ProfileScreen'),
});

export const placementRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'profile/placement',
  component: lazyRouteComponent(() => import('./placement-screen'), 'PlacementScreen'),
});

export const changePasswordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'profile/password',
  component: lazyRouteComponent(() => import('./change-password-screen'), 'ChangePasswordScreen'),
});

export const profileRoutes = [profileRoute, placementRoute, changePasswordRoute];
