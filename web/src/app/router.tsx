import { createRouter } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { publicRoute, rootRoute, signedInRoute } from '../shared/routing/base-routes';
import { authRoutes } from '../features/auth/routes';
import { homeRoutes } from '../features/home/routes';

/** The route tree: each feature's routes.ts lists its screens (lazy), this file only assembles them. */
const routeTree = rootRoute.addChildren([publicRoute.addChildren([...authRoutes]), signedInRoute.addChildren([...homeRoutes])]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/app',
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
