import type { ApplicationStatus, TrackCode } from './admissions.types';

export type SortKey = 'submitted' | 'score' | 'name' | 'status';
export type Sort = SortKey | `-${SortKey}`;

/** What the workbench shows: the table's search, filters and sort, kept in the URL's search params. */
export interface ApplicationFilters {
  q?: string;
  status?: ApplicationStatus;
  trackCode?: TrackCode;
  scored?: 'true' | 'false';
  duplicates?: 'true';
  sort?: Sort;
}

const STATUSES: readonly ApplicationStatus[] = ['submitted', 'shortlisted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'];
const TRACKS: readonly TrackCode[] = ['cybersecurity', 'data-analysis', 'ui-ux-design', 'cloud-engineering'];
const SORT_KEYS: readonly SortKey[] = ['submitted', 'score', 'name', 'status'];

/** Reads filters from untrusted URL search params: anything the API would refuse is dropped, not sent. */
export function parseFilters(search: Record<string, unknown>): ApplicationFilters {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const filters: ApplicationFilters = {};
  const q = text(search.q)?.trim().slice(0, 100);
  if (q) filters.q = q;
  const status = text(search.status);
  if (status && (STATUSES as readonly string[]).includes(status)) filters.status = status as ApplicationStatus;
  const track = text(search.trackCode);
  if (track && (TRACKS as readonly string[]).includes(track)) filters.trackCode = track as TrackCode;
  const scored = text(search.scored);
  if (scored === 'true' || scored === 'false') filters.scored = scored;
  if (text(search.duplicates) === 'true') filters.duplicates = 'true';
  const sort = text(search.sort);
  if (sort && (SORT_KEYS as readonly string[]).includes(sort.replace(/^-/, ''))) filters.sort = sort as Sort;
  return filters;
}

/** The sort after pressing a column's header: that column ascending, or flipped when it already sorts. Score starts high to low. */
export function nextSort(current: Sort | undefined, key: SortKey): Sort {
  const active = current ?? 'submitted';
  if (active === key) return `-${key}`;
  if (active === `-${key}`) return key;
  return key === 'score' ? '-score' : key;
}

/** aria-sort of a column header: how the table is sorted by it now, if it is. */
export function ariaSortOf(current: Sort | undefined, key: SortKey): 'ascending' | 'descending' | 'none' {
  const active = current ?? 'submitted';
  if (active === key) return 'ascending';
  if (active === `-${key}`) return 'descending';
  return 'none';
}

/** Sets one filter (an empty value removes it): the search params to navigate to. */
export function withFilter<K extends keyof ApplicationFilters>(filters: ApplicationFilters, key: K, value: ApplicationFilters[K] | ''): ApplicationFilters {
  const next = { ...filters };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as ApplicationFilters[K];
  return next;
}

/** How many filters narrow the list (the search counts as one), for "Clear filters". */
export function activeFilterCount(filters: ApplicationFilters): number {
  return (['q', 'status', 'trackCode', 'scored', 'duplicates'] as const).filter((key) => filters[key] !== undefined).length;
}
