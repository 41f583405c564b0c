import { AVAILABILITIES, TRACKS, type Availability, type TrackCode } from './talent.types';

/**
 * The search as the address keeps it (so a search can be bookmarked, shared and gone back to):
 * lists are comma-separated, as the API also reads them.
 */
export interface SearchFilters {
  track?: TrackCode;
  skillsAll?: string;
  skillsAny?: string;
  certification?: string;
  availability?: string;
}

/** The query the API is asked (GET /api/v1/talent/profiles), lists as arrays. */
export interface SearchQuery {
  track?: TrackCode;
  skillsAll?: string[];
  skillsAny?: string[];
  certification?: string;
  availability?: Availability[];
}

/** What a skill is to the search: not asked, every result must have it (all of), or it ranks results (any of). */
export type SkillWish = '' | 'all' | 'any';

// The API's rule for skill codes (talent-search.dto.ts): anything else would be refused, so it is dropped.
const SKILL_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const MAX_SKILLS = 20;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);
const codes = (value: unknown) => [...new Set((text(value) ?? '').split(',').map((c) => c.trim()).filter((c) => SKILL_CODE.test(c)))].slice(0, MAX_SKILLS);

/** Reads the filters from untrusted search params: what the API would refuse is dropped, not sent. */
export function parseSearchFilters(search: Record<string, unknown>): SearchFilters {
  const filters: SearchFilters = {};
  const track = text(search.track);
  if (track && (TRACKS as readonly string[]).includes(track)) filters.track = track as TrackCode;
  const all = codes(search.skillsAll);
  if (all.length) filters.skillsAll = all.join(',');
  // A skill asked as "all of" is not also "any of".
  const any = codes(search.skillsAny).filter((code) => !all.includes(code));
  if (any.length) filters.skillsAny = any.join(',');
  const certification = text(search.certification)?.slice(0, 40);
  if (certification) filters.certification = certification;
  const availability = (text(search.availability) ?? '').split(',').filter((a) => (AVAILABILITIES as readonly string[]).includes(a));
  if (availability.length) filters.availability = [...new Set(availability)].join(',');
  return filters;
}

export function toSearchQuery(filters: SearchFilters): SearchQuery {
  const list = (value: string | undefined) => (value ? value.split(',') : undefined);
  return {
    track: filters.track,
    skillsAll: list(filters.skillsAll),
    skillsAny: list(filters.skillsAny),
    certification: filters.certification,
    availability: list(filters.availability) as Availability[] | undefined,
  };
}

export function skillWish(filters: SearchFilters, code: string): SkillWish {
  if (filters.skillsAll?.split(',').includes(code)) return 'all';
  if (filters.skillsAny?.split(',').includes(code)) return 'any';
  return '';
}

/** The filters after choosing what one skill is to the search. */
export function withSkillWish(filters: SearchFilters, code: string, wish: SkillWish): SearchFilters {
  const without = (value: string | undefined) => (value ?? '').split(',').filter((c) => c && c !== code);
  const all = without(filters.skillsAll);
  const any = without(filters.skillsAny);
  if (wish === 'all') all.push(code);
  if (wish === 'any') any.push(code);
  return withValue(withValue(filters, 'skillsAll', all.join(',')), 'skillsAny', any.join(','));
}

/** The filters after ticking or unticking one availability. */
export function withAvailability(filters: SearchFilters, availability: Availability, on: boolean): SearchFilters {
  const current = (filters.availability ?? '').split(',').filter((a) => a && a !== availability);
  if (on) current.push(availability);
  return withValue(filters, 'availability', AVAILABILITIES.filter((a) => current.includes(a)).join(','));
}

/** Sets one filter; an empty value removes it. */
export function withValue<K extends keyof SearchFilters>(filters: SearchFilters, key: K, value: SearchFilters[K] | ''): SearchFilters {
  const next = { ...filters };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value as SearchFilters[K];
  return next;
}

/** How many skills the search asks for: a result's match is out of this many. */
export function skillsAsked(filters: SearchFilters): number {
  return new Set([...(filters.skillsAll?.split(',') ?? []), ...(filters.skillsAny?.split(',') ?? [])]).size;
}
