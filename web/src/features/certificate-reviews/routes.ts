import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';

/** Flagged certificates are programme staff's to resolve (admin only; the API refuses anyone else too). */
export const certificateReviewScreensRoute = createRoleRoute('admin-certificate-review-screens', ['admin'], loadStaffMessages);

export const certificateReviewsRoute = createRoute({
  getParentRoute: () => certificateReviewScreensRoute,
  path: 'admin/certificate-reviews',
  component: lazyRouteComponent(() => import('./certificate-reviews-screen'), 'CertificateReviewsScreen'),
});

export const certificateReviewRoutes = [certificateReviewScreensRoute.addChildren([certificateReviewsRoute])];
