import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** Programme staff's talent screens: employer organisations and career fairs (admin only; the API refuses anyone else too). */
export const adminTalentScreensRoute = createRoleRoute('admin-talent-screens', ['admin'], loadStaffMessages);

export const organisationsRoute = createRoute({
  getParentRoute: () => adminTalentScreensRoute,
  path: 'admin/organisations',
  component: lazyRouteComponent(() => import('./organisations-screen'), 'OrganisationsScreen'),
});

export const organisationRoute = createRoute({
  getParentRoute: () => adminTalentScreensRoute,
  path: 'admin/organisations/$organisationId',
  component: lazyRouteComponent(() => import('./organisation-screen'), 'OrganisationScreen'),
});

export const fairsRoute = createRoute({
  getParentRoute: () => adminTalentScreensRoute,
  path: 'admin/career-fairs',
  component: lazyRouteComponent(() => import('./fairs-screen'), 'FairsScreen'),
});

export const newFairRoute = createRoute({
  getParentRoute: () => adminTalentScreensRoute,
  path: 'admin/career-fairs/new',
  component: lazyRouteComponent(() => import('./new-fair-screen'), 'NewFairScreen'),
});

export const fairRoute = createRoute({
  getParentRoute: () => adminTalentScreensRoute,
  path: 'admin/career-fairs/$fairId',
  component: lazyRouteComponent(() => import('./fair-screen'), 'FairScreen'),
});

export const adminTalentRoutes = [adminTalentScreensRoute.addChildren([organisationsRoute, organisationRoute, fairsRoute, newFairRoute, fairRoute])];
