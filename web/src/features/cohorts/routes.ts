import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

export const cohortsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'cohorts',
  component: lazyRouteComponent(() => import('./cohorts-screen'), 'CohortsScreen'),
});

export const cohortRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'cohorts/$cohortId',
  component: lazyRouteComponent(() => import('./cohort-screen'), 'CohortScreen'),
});

export const applicationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'applications/$applicationId',
  component: lazyRouteComponent(() => import('./application-screen'), 'ApplicationScreen'),
});

export const cohortRoutes = [cohortsRoute, cohortRoute, applicationRoute];
