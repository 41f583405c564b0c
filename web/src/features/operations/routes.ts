import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** Platform operations are programme staff's (admin only; the API refuses anyone else too). */
export const operationsScreensRoute = createRoleRoute('admin-operations-screens', ['admin'], loadStaffMessages);

export const operationsRoute = createRoute({
  getParentRoute: () => operationsScreensRoute,
  path: 'admin/operations',
  component: lazyRouteComponent(() => import('./operations-screen'), 'OperationsScreen'),
});

export const operationsRoutes = [operationsScreensRoute.addChildren([operationsRoute])];
