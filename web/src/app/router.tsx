import { createRouter } from '@tanstack/react-router';
import { ErrorScreen } from '../shared/layout/error-screen';
import { publicRoute, rootRoute, signedInRoute } from '../shared/routing/base-routes';
import { authRoutes } from '../features/auth/routes';
import { homeRoutes } from '../features/home/routes';
import { learningRoutes } from '../features/learning/routes';
import { cohortRoutes } from '../features/cohorts/routes';
import { assessmentRoutes } from '../features/assessments/routes';
import { certificateRoutes } from '../features/certificates/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { profileRoutes } from '../features/profile/routes';
import { outcomeRoutes } from '../features/outcomes/routes';
import { adminCohortRoutes } from '../features/admin-cohorts/routes';
import { peopleRoutes } from '../features/admin-people/routes';
import { certificateReviewRoutes } from '../features/certificate-reviews/routes';
import { operationsRoutes } from '../features/operations/routes';
import { teachRoutes } from '../features/teach/routes';
import { admissionsRoutes } from '../features/admissions/routes';
import { cohortTeachingRoutes } from '../features/cohort-teaching/routes';
import { careersRoutes } from '../features/careers/routes';
import { talentEmployerRoutes } from '../features/talent-employer/routes';
import { adminTalentRoutes } from '../features/admin-talent/routes';

/** The route tree: each feature's routes.ts lists its screens (lazy), this file only assembles them. */
const routeTree = rootRoute.addChildren([publicRoute.addChildren([...authRoutes]), signedInRoute.addChildren([
    ...homeRoutes,
    ...learningRoutes,
    ...cohortRoutes,
    ...assessmentRoutes,
    ...certificateRoutes,
    ...notificationRoutes,
    ...profileRoutes,
    ...outcomeRoutes,
    ...adminCohortRoutes,
    ...peopleRoutes,
    ...certificateReviewRoutes,
    ...operationsRoutes,
    ...teachRoutes,
    ...admissionsRoutes,
    ...careersRoutes,
    ...adminTalentRoutes,
    cohortTeachingRoutes,
    ...talentEmployerRoutes,
  ])]);

export function createAppRouter() {
  return createRouter({
    routeTree,
    basepath: '/app',
    defaultPreload: 'intent',
    defaultErrorComponent: ErrorScreen,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
