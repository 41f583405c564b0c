import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';

export const certificatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'certificates',
  component: lazyRouteComponent(() => import('./certificates-screen'), 'CertificatesScreen'),
});

export const certificateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: 'certificates/$certificateId',
  component: lazyRouteComponent(() => import('./certificate-screen'), 'CertificateScreen'),
});

export const certificateRoutes = [certificatesRoute, certificateRoute];
