import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** The instructor's workspace: instructors and admins only (the API checks each course and cohort too). */
export const teachRoute = createRoleRoute('teach', ['instructor', 'admin'], loadStaffMessages);

const myCoursesRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach',
  component: lazyRouteComponent(() => import('./my-courses-screen'), 'MyCoursesScreen'),
});

const newCourseRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/new',
  component: lazyRouteComponent(() => import('./new-course-screen'), 'NewCourseScreen'),
});

const builderRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId',
  component: lazyRouteComponent(() => import('./course-builder-screen'), 'CourseBuilderScreen'),
});

const lessonEditorRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/lessons/$lessonId',
  component: lazyRouteComponent(() => import('./lesson-editor-screen'), 'LessonEditorScreen'),
});

const newAssessmentRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/modules/$moduleId/assessments/new',
  validateSearch: (search: Record<string, unknown>): { kind?: string } => (typeof search.kind === 'string' ? { kind: search.kind } : {}),
  component: lazyRouteComponent(() => import('./assessment-editor-screen'), 'NewAssessmentScreen'),
});

const editAssessmentRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/assessments/$assessmentId',
  component: lazyRouteComponent(() => import('./assessment-editor-screen'), 'EditAssessmentScreen'),
});

const submissionsRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/assessments/$assessmentId/submissions',
  component: lazyRouteComponent(() => import('./submissions-screen'), 'SubmissionsScreen'),
});

const publishRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/publish',
  component: lazyRouteComponent(() => import('./publish-screen'), 'PublishScreen'),
});

const criteriaRoute = createRoute({
  getParentRoute: () => teachRoute,
  path: 'teach/courses/$courseId/versions/$versionId/criteria',
  component: lazyRouteComponent(() => import('./criteria-screen'), 'CriteriaScreen'),
});

export const teachRoutes = [
  teachRoute.addChildren([
    myCoursesRoute,
    newCourseRoute,
    builderRoute,
    lessonEditorRoute,
    newAssessmentRoute,
    editAssessmentRoute,
    submissionsRoute,
    publishRoute,
    criteriaRoute,
  ]),
];
