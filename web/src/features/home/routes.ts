import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from '../../shared/routing/base-routes';
// Home is the first screen of a signed-in visit: it ships with the app (see auth/routes.ts).
import { HomeScreen } from './home-screen';

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: HomeScreen,
});

export const homeRoutes = [homeRoute];
