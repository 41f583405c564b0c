import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadCareersMessages } from '../../shared/i18n/careers-messages';

/** Careers: trainees' talent profile, who viewed it, interview requests and career fairs; their own catalogue loads first. */
export const careersRoleRoute = createRoleRoute('careers', ['trainee'], loadCareersMessages);

export const talentProfileRoute = createRoute({
  getParentRoute: () => careersRoleRoute,
  path: 'careers',
  component: lazyRouteComponent(() => import('./talent-profile-screen'), 'TalentProfileScreen'),
});

export const profileViewsRoute = createRoute({
  getParentRoute: () => careersRoleRoute,
  path: 'careers/views',
  component: lazyRouteComponent(() => import('./profile-views-screen'), 'ProfileViewsScreen'),
});

export const interviewRequestsRoute = createRoute({
  getParentRoute: () => careersRoleRoute,
  path: 'careers/requests',
  component: lazyRouteComponent(() => import('./interview-requests-screen'), 'InterviewRequestsScreen'),
});

export const careerFairsRoute = createRoute({
  getParentRoute: () => careersRoleRoute,
  path: 'careers/fairs',
  component: lazyRouteComponent(() => import('./career-fairs-screen'), 'CareerFairsScreen'),
});

export const careerFairRoute = createRoute({
  getParentRoute: () => careersRoleRoute,
  path: 'careers/fairs/$fairId',
  component: lazyRouteComponent(() => import('./career-fair-screen'), 'CareerFairScreen'),
});

export const careersRoutes = [careersRoleRoute.addChildren([talentProfileRoute, profileViewsRoute, interviewRequestsRoute, careerFairsRoute, careerFairRoute])];
