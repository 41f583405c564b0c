import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
import { session } from '../../shared/auth/session';
import { opensTraineeHome, prefetchHomeReads } from '../../shared/api/resources/home-reads';

// Home is the first screen of a signed-in visit: it comes in TanStack Query's chunk (vite.config.ts),
// which the app asks for as soon as it starts, with this import (App), so it is there by sign-in.
const HomeScreen = lazyRouteComponent(() => import('./home-screen'), 'HomeScreen');
export const preloadHome = (): Promise<void> => HomeScreen.preload?.() ?? Promise.resolve();

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  // Home is the trainee's day (courses, deadlines, applications); an employer's work is the talent
  // search, so signing in (or the Home link) takes them there instead of an empty trainee page.
  beforeLoad: () => {
    if (!opensTraineeHome(session.user()?.roles ?? [])) throw redirect({ to: '/talent', replace: true });
  },
  // Every answer home shows is asked for at once, when the route matches: the inbox and applications
  // sections render only after the enrollments arrive, and on a 400 ms connection waiting for them
  // first would add a round trip. Not awaited: the screen shows its skeletons meanwhile.
  loader: ({ context }) => prefetchHomeReads(context.queryClient, 0),
  component: HomeScreen,
});

export const homeRoutes = [homeRoute];
