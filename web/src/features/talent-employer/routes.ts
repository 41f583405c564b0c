import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { createRoleRoute } from '../../shared/routing/base-routes';
import { loadStaffMessages } from '../../shared/i18n/staff-messages';
import { ProblemError } from '../../shared/api/problem';
import { searchParamsOf } from './search-params';

/** The employer's screens: talent search, candidates, shortlists, interview requests and career fairs. The API scopes each to the employer's organisation. */
export const talentRoleRoute = createRoleRoute('talent-employer', ['employer'], loadStaffMessages);

/**
 * Loads what a screen of one object needs; the API's 404 (never listed, withdrawn, another
 * organisation's) becomes the app's "not available" screen, as for any link that is not yours.
 */
async function orNotFound(queryClient: QueryClient, load: (queries: typeof import('./talent.queries'), queryClient: QueryClient) => Promise<unknown>): Promise<void> {
  try {
    // The queries come with the screens' chunk, not the app's first download.
    await load(await import('./talent.queries'), queryClient);
  } catch (error) {
    if (error instanceof ProblemError && error.status === 404) throw notFound();
    // Anything else (offline, 5xx) is the screen's own error state, with its retry.
  }
}

export const searchRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent',
  validateSearch: searchParamsOf,
  component: lazyRouteComponent(() => import('./search-screen'), 'SearchScreen'),
});

export const candidateRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/candidates/$traineeId',
  loader: ({ context, params }) => orNotFound(context.queryClient, (q, client) => client.fetchQuery(q.candidateQuery(params.traineeId))),
  component: lazyRouteComponent(() => import('./candidate-screen'), 'CandidateScreen'),
});

export const shortlistsRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/shortlists',
  component: lazyRouteComponent(() => import('./shortlists-screen'), 'ShortlistsScreen'),
});

export const requestsRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/requests',
  component: lazyRouteComponent(() => import('./requests-screen'), 'RequestsScreen'),
});

export const requestRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/requests/$requestId',
  loader: ({ context, params }) => orNotFound(context.queryClient, (q, client) => client.fetchQuery(q.requestQuery(params.requestId))),
  component: lazyRouteComponent(() => import('./request-screen'), 'RequestScreen'),
});

export const fairsRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/fairs',
  component: lazyRouteComponent(() => import('./fairs-screen'), 'FairsScreen'),
});

export const fairRoute = createRoute({
  getParentRoute: () => talentRoleRoute,
  path: 'talent/fairs/$fairId',
  component: lazyRouteComponent(() => import('./fair-screen'), 'FairScreen'),
});

export const talentEmployerRoutes = [talentRoleRoute.addChildren([searchRoute, candidateRoute, shortlistsRoute, requestsRoute, requestRoute, fairsRoute, fairRoute])];
