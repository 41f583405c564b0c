import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { loadTraineeMessages } from '../../shared/i18n/trainee-messages';

export const certificatesRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'certificates',
  component: lazyRouteComponent(() => import('./certificates-screen'), 'CertificatesScreen'),
});

export const certificateRoute = createRoute({
  getParentRoute: () => signedInRoute,
  beforeLoad: loadTraineeMessages,
  path: 'certificates/$certificateId',
  component: lazyRouteComponent(() => import('./certificate-screen'), 'CertificateScreen'),
});

export const certificateRoutes = [certificatesRoute, certificateRoute];
