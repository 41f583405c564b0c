import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { allPages } from '../../shared/api/all-pages';
import { ProblemError } from '../../shared/api/problem';
import type { CareerFair, FairRegistration, FairSlot, InterviewRequest, ListMe, MyFairBooking, MyTalentProfile, ProfileViewer } from './careers.types';

/** Query keys of the career screens: all personal, so all under 'me' (dropped at sign-out with the rest). */
export const careersKeys = {
  all: ['me', 'careers'] as const,
  profile: ['me', 'careers', 'talent-profile'] as const,
  views: ['me', 'careers', 'profile-views'] as const,
  requests: ['me', 'careers', 'interview-requests'] as const,
  fairs: ['me', 'careers', 'fairs'] as const,
  fair: (fairId: string) => ['me', 'careers', 'fairs', fairId] as const,
  slots: (fairId: string) => ['me', 'careers', 'fairs', fairId, 'slots'] as const,
  registrations: ['me', 'careers', 'fair-registrations'] as const,
  bookings: ['me', 'careers', 'fair-bookings'] as const,
};

const PAGE = 20;
const cursorOf = (cursor: string | undefined) => (cursor ? { cursor } : {});

/** The profile, or null when the trainee never listed one (the API's 404): the screen then offers to opt in. */
export const talentProfileQuery = queryOptions({
  queryKey: careersKeys.profile,
  queryFn: async (): Promise<MyTalentProfile | null> => {
    try {
      return await unwrap(api.GET('/api/v1/me/talent-profile'));
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) return null;
      throw error;
    }
  },
});

export const profileViewsQuery = infiniteQueryOptions({
  queryKey: careersKeys.views,
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/me/talent-profile/views', { params: { query: { limit: PAGE, ...cursorOf(pageParam) } } })) as Promise<{ items: ProfileViewer[]; nextCursor: string | null }>,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const interviewRequestsQuery = infiniteQueryOptions({
  queryKey: careersKeys.requests,
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/me/interview-requests', { params: { query: { limit: PAGE, ...cursorOf(pageParam) } } })) as Promise<{ items: InterviewRequest[]; nextCursor: string | null }>,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const fairsQuery = infiniteQueryOptions({
  queryKey: careersKeys.fairs,
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/career-fairs', { params: { query: { limit: PAGE, ...cursorOf(pageParam) } } })) as Promise<{ items: CareerFair[]; nextCursor: string | null }>,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

export const myBookingsQuery = infiniteQueryOptions({
  queryKey: careersKeys.bookings,
  initialPageParam: undefined as string | undefined,
  queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/me/fair-bookings', { params: { query: { limit: PAGE, ...cursorOf(pageParam) } } })) as Promise<{ items: MyFairBooking[]; nextCursor: string | null }>,
  getNextPageParam: (page) => page.nextCursor ?? undefined,
});

/** Every fair the trainee registered for (a person registers for a handful; read to the end so each fair shows its state). */
export const myRegistrationsQuery = queryOptions({
  queryKey: careersKeys.registrations,
  queryFn: async (): Promise<Map<string, FairRegistration>> => {
    const all = new Map<string, FairRegistration>();
    let cursor: string | undefined;
    do {
      const page = await unwrap(api.GET('/api/v1/me/fair-registrations', { params: { query: { limit: 100, ...cursorOf(cursor) } } }));
      for (const registration of page.items) all.set(registration.fairId, registration);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  },
});

export const fairQuery = (fairId: string) =>
  queryOptions({
    queryKey: careersKeys.fair(fairId),
    queryFn: () => unwrap(api.GET('/api/v1/career-fairs/{id}', { params: { path: { id: fairId } } })) as Promise<CareerFair>,
  });

export const fairSlotsQuery = (fairId: string) =>
  queryOptions({
    queryKey: careersKeys.slots(fairId),
    // Every page: the screen groups the fair's slots by employer, so it needs them all (a fair's stay in the hundreds).
    queryFn: () => allPages<FairSlot>((cursor) => unwrap(api.GET('/api/v1/career-fairs/{id}/slots', { params: { path: { id: fairId }, query: { limit: 100, cursor } } }))),
  });

/** Opt in (or save changes): the answer is the profile as employers now see it. */
export function useListMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ListMe) => unwrap(api.PUT('/api/v1/me/talent-profile', { body })) as Promise<MyTalentProfile>,
    onSuccess: (profile) => queryClient.setQueryData(careersKeys.profile, profile),
  });
}

/** Stop being listed: requests, registrations and meetings change with it, so every careers answer is read again. */
export function useWithdraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/talent-profile/withdraw')) as Promise<MyTalentProfile>,
    onSuccess: async (profile) => {
      queryClient.setQueryData(careersKeys.profile, profile);
      await queryClient.invalidateQueries({ queryKey: careersKeys.all, predicate: (query) => query.queryKey[2] !== 'talent-profile' });
    },
  });
}

export function useAnswerRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) =>
      unwrap(api.POST('/api/v1/me/interview-requests/{id}/answer', { params: { path: { id } }, body: { answer } })) as Promise<InterviewRequest>,
    // A refusal (e.g. the request ended meanwhile) also means the list is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: careersKeys.requests }),
  });
}

export function useRegister(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/career-fairs/{id}/registrations', { params: { path: { id: fairId } } })) as Promise<FairRegistration>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careersKeys.registrations }),
  });
}

/** Books a slot; taken or clashing or not, the slots and meetings are read again so the screen shows what is true now. */
export function useBookSlot(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slot: FairSlot) => unwrap(api.POST('/api/v1/fair-slots/{id}/bookings', { params: { path: { id: slot.id } } })),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: careersKeys.slots(fairId) }), queryClient.invalidateQueries({ queryKey: careersKeys.bookings })]),
  });
}

/** Checks the trainee in at the fair; the registration (and its check-in) is read again either way. */
export function useCheckIn(fairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/career-fairs/{id}/check-in', { params: { path: { id: fairId } } })) as Promise<FairRegistration>,
    onSettled: () => queryClient.invalidateQueries({ queryKey: careersKeys.registrations }),
  });
}

/** Cancels one of the trainee's meetings; their meetings and that fair's slots are read again, done or refused. */
export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (booking: MyFairBooking) => unwrap(api.DELETE('/api/v1/fair-bookings/{id}', { params: { path: { id: booking.id } } })),
    onSettled: (_data, _error, booking) =>
      Promise.all([queryClient.invalidateQueries({ queryKey: careersKeys.bookings }), queryClient.invalidateQueries({ queryKey: careersKeys.slots(booking.fairId) })]),
  });
}
