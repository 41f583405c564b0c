import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';

export const cohortsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cohorts',
  component: lazyRouteComponent(() => import('./cohorts-screen'), 'CohortsScreen'),
});

export const cohortRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'cohorts/$cohortId',
  component: lazyRouteComponent(() => import('./cohort-screen'), 'CohortScreen'),
});

export const applicationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'applications/$applicationId',
  component: lazyRouteComponent(() => import('./application-screen'), 'ApplicationScreen'),
});

export const cohortRoutes = [cohortsRoute, cohortRoute, applicationRoute];
