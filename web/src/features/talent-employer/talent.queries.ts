import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { allPages } from '../../shared/api/all-pages';
import { problemFrom, UnreachableError } from '../../shared/api/problem';
import { toSearchQuery, type SearchFilters } from './search-filters';
import type { CareerFair, Candidate, CatalogueCourse, FairRegistration, FairSlot, InterviewRequest, SearchPage, ShortlistEntry, Skill, TrackCode } from './talent.types';

/** Query keys of the employer's screens, all under 'talent', so signing out drops them and a change refreshes what it touched. */
export const talentKeys = {
  all: ['talent'] as const,
  search: (filters: SearchFilters) => ['talent', 'search', filters] as const,
  candidate: (traineeId: string) => ['talent', 'candidates', traineeId] as const,
  shortlists: ['talent', 'shortlists'] as const,
  requests: ['talent', 'interview-requests'] as const,
  request: (id: string) => ['talent', 'interview-requests', id] as const,
  fairs: ['talent', 'career-fairs'] as const,
  fair: (id: string) => ['talent', 'career-fairs', id] as const,
  slots: (fairId: string) => ['talent', 'career-fairs', fairId, 'slots'] as const,
  skills: (track: TrackCode | undefined) => ['talent', 'skills', track ?? 'all'] as const,
  courses: (track: TrackCode | undefined) => ['talent', 'courses', track ?? 'all'] as const,
};

const PAGE_SIZE = 20;

export const searchQuery = (filters: SearchFilters) =>
  infiniteQueryOptions({
    queryKey: talentKeys.search(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap<SearchPage>(api.GET('/api/v1/talent/profiles', { params: { query: { ...toSearchQuery(filters), limit: PAGE_SIZE, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });

export const candidateQuery = (traineeId: string) =>
  queryOptions({
    queryKey: talentKeys.candidate(traineeId),
    queryFn: () => unwrap<Candidate>(api.GET('/api/v1/talent/profiles/{traineeId}', { params: { path: { traineeId } } })),
    // Each read is a recorded view: the route's loader reads it, the screen then uses that answer.
    staleTime: 10_000,
  });

export const shortlistsQuery = queryOptions({
  queryKey: talentKeys.shortlists,
  queryFn: () => allPages<ShortlistEntry>((cursor) => unwrap(api.GET('/api/v1/talent/shortlists', { params: { query: { limit: 100, cursor } } }))),
  staleTime: 0,
});

export const requestsQuery = queryOptions({
  queryKey: talentKeys.requests,
  queryFn: () => allPages<InterviewRequest>((cursor) => unwrap(api.GET('/api/v1/talent/interview-requests', { params: { query: { limit: 100, cursor } } }))),
  staleTime: 0,
});

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: talentKeys.request(id),
    queryFn: () => unwrap<InterviewRequest>(api.GET('/api/v1/talent/interview-requests/{id}', { params: { path: { id } } })),
    staleTime: 10_000,
  });

export const fairsQuery = queryOptions({
  queryKey: talentKeys.fairs,
  queryFn: () => allPages<CareerFair>((cursor) => unwrap(api.GET('/api/v1/career-fairs', { params: { query: { limit: 100, cursor } } }))),
});

export const fairQuery = (id: string) =>
  queryOptions({
    queryKey: talentKeys.fair(id),
    queryFn: () => unwrap<CareerFair>(api.GET('/api/v1/career-fairs/{id}', { params: { path: { id } } })),
  });

export const slotsQuery = (fairId: string) =>
  queryOptions({
    queryKey: talentKeys.slots(fairId),
    queryFn: () => allPages<FairSlot>((cursor) => unwrap(api.GET('/api/v1/career-fairs/{id}/slots', { params: { path: { id: fairId }, query: { limit: 100, cursor } } }))),
    staleTime: 0,
  });

export const skillsQuery = (track: TrackCode | undefined) =>
  queryOptions({
    queryKey: talentKeys.skills(track),
    queryFn: () => unwrap<Skill[]>(api.GET('/api/v1/skills', { params: { query: { track } } })),
    staleTime: 5 * 60_000,
  });

/** The catalogue's courses: a certificate is named by its course's code. */
export const coursesQuery = (track: TrackCode | undefined) =>
  queryOptions({
    queryKey: talentKeys.courses(track),
    queryFn: () => allPages<CatalogueCourse>((cursor) => unwrap(api.GET('/api/v1/courses', { params: { query: { track, limit: 100, cursor } } }))),
    staleTime: 5 * 60_000,
  });

/** Shortlists a candidate; `created` is false when they were on that role's shortlist already (the API answers 200, not 201). */
export async function shortlist(traineeId: string, roleTitle: string): Promise<{ entry: ShortlistEntry; created: boolean }> {
  let result: Awaited<ReturnType<typeof postShortlist>>;
  try {
    result = await postShortlist(traineeId, roleTitle);
  } catch (error) {
    throw new UnreachableError(error);
  }
  if (!result.response.ok || !result.data) throw problemFrom(result.error, result.response);
  return { entry: result.data, created: result.response.status === 201 };
}

const postShortlist = (traineeId: string, roleTitle: string) => api.POST('/api/v1/talent/shortlists', { body: { traineeId, roleTitle } });

export const requestInterview = (traineeId: string, roleTitle: string, message: string) =>
  unwrap<InterviewRequest>(api.POST('/api/v1/talent/interview-requests', { body: { traineeId, roleTitle, message } }));

export const recordOutcome = (requestId: string, stage: InterviewRequest['outcomes'][number]['stage']) =>
  unwrap<InterviewRequest>(api.POST('/api/v1/talent/interview-requests/{id}/outcomes', { params: { path: { id: requestId } }, body: { stage } }));

export const publishSlot = (fairId: string, startsAt: string, endsAt: string) =>
  unwrap<FairSlot>(api.POST('/api/v1/career-fairs/{id}/slots', { params: { path: { id: fairId } }, body: { startsAt, endsAt } }));

/** Checks in the candidate who booked one of the organisation's slots (on the fair's day). */
export const checkInBooking = (bookingId: string) =>
  unwrap<FairRegistration>(api.POST('/api/v1/fair-bookings/{id}/check-in', { params: { path: { id: bookingId } } }));
