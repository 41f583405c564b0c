import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** Programme staff's cohort screens (admin only; the API refuses anyone else too). */
export const adminCohortScreensRoute = createRoleRoute('admin-cohort-screens', ['admin'], loadStaffMessages);

export const adminCohortsRoute = createRoute({
  getParentRoute: () => adminCohortScreensRoute,
  path: 'admin/cohorts',
  component: lazyRouteComponent(() => import('./cohorts-admin-screen'), 'CohortsAdminScreen'),
});

export const newCohortRoute = createRoute({
  getParentRoute: () => adminCohortScreensRoute,
  path: 'admin/cohorts/new',
  component: lazyRouteComponent(() => import('./new-cohort-screen'), 'NewCohortScreen'),
});

export const adminCohortRoute = createRoute({
  getParentRoute: () => adminCohortScreensRoute,
  path: 'admin/cohorts/$cohortId',
  component: lazyRouteComponent(() => import('./cohort-admin-screen'), 'CohortAdminScreen'),
});

export const adminCohortRoutes = [adminCohortScreensRoute.addChildren([adminCohortsRoute, newCohortRoute, adminCohortRoute])];
