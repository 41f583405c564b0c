import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

export const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'notifications',
  component: lazyRouteComponent(() => import('./notifications-screen'), 'NotificationsScreen'),
});

export const notificationPreferencesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'notifications/preferences',
  component: lazyRouteComponent(() => import('./notification-preferences-screen'), 'NotificationPreferencesScreen'),
});

export const notificationRoutes = [notificationsRoute, notificationPreferencesRoute];
