import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';

export const assessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'assessments/$assessmentId',
  component: lazyRouteComponent(() => import('./assessment-screen'), 'AssessmentScreen'),
});

export const submissionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'submissions/$submissionId',
  component: lazyRouteComponent(() => import('./submission-screen'), 'SubmissionScreen'),
});

export const assessmentRoutes = [assessmentRoute, submissionRoute];
