/** The sign-in screen's search: where to go afterwards, and whether the session had ended. */
export interface SignInSearch {
  redirect?: string;
  expired?: boolean;
}

/** The sign-in route's search validation (also used when the sign-in screen starts without the router: main.tsx). */
export function validateSignInSearch(search: Record<string, unknown>): SignInSearch {
  return {
    redirect: typeof search.redirect === 'string' ? search.redirect : undefined,
    expired: search.expired === true || search.expired === 'true' ? true : undefined,
  };
}
