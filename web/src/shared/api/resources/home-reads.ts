import type { QueryClient } from '@tanstack/react-query';
import { enrollmentsQuery } from './enrollments';
import { inboxQuery } from './notifications';
import { myApplicationsQuery } from './applications';

/**
 * Enrollments and applications are read again whenever a screen shows them (staleTime 0), but home
 * asks for them before it renders (its loader, or sign-in) and then again when the screen mounts a
 * moment later: on a 400 ms connection that second request shares the link with the rest of home
 * for nothing. An answer this young is fresh enough for home; the other screens still read anew.
 */
const HOME_FRESH_MS = 10_000;
export const homeEnrollmentsQuery = { ...enrollmentsQuery, staleTime: HOME_FRESH_MS };
export const homeApplicationsQuery = { ...myApplicationsQuery, staleTime: HOME_FRESH_MS };

/** Whether these roles open the trainee's home (an employer alone is taken to the talent search instead). */
export function opensTraineeHome(roles: readonly string[]): boolean {
  return !(roles.includes('employer') && !roles.includes('trainee'));
}

/**
 * Every answer home shows, asked for at once and not awaited (the screen shows skeletons
 * meanwhile): by the sign-in screen as soon as the sign-in answers, before the router has even
 * begun the navigation (on a slow phone that work alone takes a noticeable moment), and by home's
 * loader on every navigation to home. A call while the same request is in flight reuses it, so the
 * loader right after a sign-in adds nothing on a slow connection. The loader asks anew for
 * enrollments and applications whatever their age (`freshFor` 0): they change elsewhere (an
 * acceptance, a cohort starting), and a person who opens home expects to see it; only the screen's
 * own mount, a moment later, takes the loader's answer as fresh.
 */
export function prefetchHomeReads(queryClient: QueryClient, freshFor = HOME_FRESH_MS): void {
  void queryClient.prefetchQuery({ ...homeEnrollmentsQuery, staleTime: freshFor });
  void queryClient.prefetchQuery(inboxQuery);
  void queryClient.prefetchQuery({ ...homeApplicationsQuery, staleTime: freshFor });
}
