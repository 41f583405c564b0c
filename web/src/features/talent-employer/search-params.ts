/**
 * The search's address parameters as strings, nothing more: this runs with the route tree in the
 * app's first download, so the checking (parseSearchFilters) waits for the search screen's chunk.
 */
export type SearchParams = Partial<Record<(typeof KEYS)[number], string>>;

const KEYS = ['track', 'skillsAll', 'skillsAny', 'certification', 'availability'] as const;

export function searchParamsOf(search: Record<string, unknown>): SearchParams {
  const params: SearchParams = {};
  for (const key of KEYS) if (typeof search[key] === 'string' && search[key]) params[key] = search[key];
  return params;
}
