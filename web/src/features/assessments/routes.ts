import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

export const assessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'assessments/$assessmentId',
  component: lazyRouteComponent(() => import('./assessment-screen'), 'AssessmentScreen'),
});

export const submissionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'submissions/$submissionId',
  component: lazyRouteComponent(() => import('./submission-screen'), 'SubmissionScreen'),
});

export const assessmentRoutes = [assessmentRoute, submissionRoute];
