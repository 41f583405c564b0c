import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

export const learningRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'learning',
  component: lazyRouteComponent(() => import('./learning-screen'), 'LearningScreen'),
});

export const courseOutlineRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'learning/$enrollmentId',
  component: lazyRouteComponent(() => import('./course-outline-screen'), 'CourseOutlineScreen'),
});

export const lessonRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'learning/$enrollmentId/lessons/$lessonId',
  component: lazyRouteComponent(() => import('./lesson-screen'), 'LessonScreen'),
});

export const learningRoutes = [learningRoute, courseOutlineRoute, lessonRoute];
