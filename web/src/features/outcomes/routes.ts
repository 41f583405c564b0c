import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** The consortium's reviewers read outcomes; programme staff (admin) may too. The API decides which cohorts each sees. */
export const outcomeScreensRoute = createRoleRoute('outcome-screens', ['reviewer', 'admin'], loadStaffMessages);

export const outcomesRoute = createRoute({
  getParentRoute: () => outcomeScreensRoute,
  path: 'outcomes',
  component: lazyRouteComponent(() => import('./outcomes-screen'), 'OutcomesScreen'),
});

export const cohortOutcomesRoute = createRoute({
  getParentRoute: () => outcomeScreensRoute,
  path: 'outcomes/$cohortId',
  component: lazyRouteComponent(() => import('./cohort-outcomes-screen'), 'CohortOutcomesScreen'),
});

export const outcomeRoutes = [outcomeScreensRoute.addChildren([outcomesRoute, cohortOutcomesRoute])];
