import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** The instructor's cohort workspace: admins and instructors only (the API checks each cohort too). */
export const cohortTeachingRoute = createRoleRoute('cohort-teaching', ['instructor', 'admin'], loadStaffMessages);

const myCohortsRoute = createRoute({
  getParentRoute: () => cohortTeachingRoute,
  path: 'cohort-teaching',
  component: lazyRouteComponent(() => import('./my-cohorts-screen'), 'MyCohortsScreen'),
});

export const rosterRoute = createRoute({
  getParentRoute: () => cohortTeachingRoute,
  path: 'cohort-teaching/$cohortId',
  component: lazyRouteComponent(() => import('./roster-screen'), 'RosterScreen'),
});

export const reviewQueueRoute = createRoute({
  getParentRoute: () => cohortTeachingRoute,
  path: 'cohort-teaching/$cohortId/review',
  component: lazyRouteComponent(() => import('./review-queue-screen'), 'ReviewQueueScreen'),
});

export const submissionReviewRoute = createRoute({
  getParentRoute: () => cohortTeachingRoute,
  path: 'cohort-teaching/$cohortId/submissions/$submissionId',
  component: lazyRouteComponent(() => import('./submission-review-screen'), 'SubmissionReviewScreen'),
});

export const gradebookRoute = createRoute({
  getParentRoute: () => cohortTeachingRoute,
  path: 'cohort-teaching/$cohortId/gradebook',
  component: lazyRouteComponent(() => import('./gradebook-screen'), 'GradebookScreen'),
});

export const cohortTeachingRoutes = cohortTeachingRoute.addChildren([myCohortsRoute, rosterRoute, reviewQueueRoute, submissionReviewRoute, gradebookRoute]);
