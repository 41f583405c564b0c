import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** Accounts and roles are programme staff's (admin only; the API refuses anyone else too). */
export const peopleScreensRoute = createRoleRoute('admin-people-screens', ['admin'], loadStaffMessages);

export const peopleRoute = createRoute({
  getParentRoute: () => peopleScreensRoute,
  path: 'admin/people',
  component: lazyRouteComponent(() => import('./people-screen'), 'PeopleScreen'),
});

export const personRoute = createRoute({
  getParentRoute: () => peopleScreensRoute,
  path: 'admin/people/$userId',
  component: lazyRouteComponent(() => import('./person-screen'), 'PersonScreen'),
});

export const peopleRoutes = [peopleScreensRoute.addChildren([peopleRoute, personRoute])];
