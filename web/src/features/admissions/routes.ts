import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';
import { parseFilters } from './application-filters';

/** Admissions: admins and instructors (the API decides per cohort whose applications each may review). */
export const admissionsRoleRoute = createRoleRoute('admissions', ['admin', 'instructor'], loadStaffMessages);

export const admissionsRoute = createRoute({
  getParentRoute: () => admissionsRoleRoute,
  path: 'admissions',
  component: lazyRouteComponent(() => import('./admissions-screen'), 'AdmissionsScreen'),
});

export const workbenchRoute = createRoute({
  getParentRoute: () => admissionsRoleRoute,
  path: 'admissions/$cohortId',
  validateSearch: parseFilters,
  component: lazyRouteComponent(() => import('./workbench-screen'), 'WorkbenchScreen'),
});

export const reviewRoute = createRoute({
  getParentRoute: () => admissionsRoleRoute,
  path: 'admissions/applications/$applicationId',
  component: lazyRouteComponent(() => import('./review-screen'), 'ReviewScreen'),
});

export const admissionsRoutes = [admissionsRoleRoute.addChildren([admissionsRoute, workbenchRoute, reviewRoute])];
