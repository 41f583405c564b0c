import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';

export const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'notifications',
  component: lazyRouteComponent(() => import('./notifications-screen'), 'NotificationsScreen'),
});

export const notificationPreferencesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'notifications/preferences',
  component: lazyRouteComponent(() => import('./notification-preferences-screen'), 'NotificationPreferencesScreen'),
});

export const notificationRoutes = [notificationsRoute, notificationPreferencesRoute];
