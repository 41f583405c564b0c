import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

type Schemas = components['schemas'];
export type Organisation = Schemas['OrganisationView'];
export type CareerFair = Schemas['CareerFairView'];
export type FairAttendee = Schemas['FairAttendeeView'];
export type Person = Schemas['UserView'];
export type NewFairBody = Schemas['CreateCareerFairDto'];

const organisationsKey = ['organisations'] as const;
const fairsKey = ['career-fairs'] as const;

/** Every organisation, retired ones too (admins manage them all); a page of 100, by name. */
export const organisationsQuery = queryOptions({
  queryKey: [...organisationsKey, 'all'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 100, includeRetired: true } } }))).items as Organisation[],
});

/** The employer users bound to an organisation (the people list filtered by role, then by organisation). */
export const employersOfQuery = (organisationId: string) =>
  queryOptions({
    queryKey: ['people', 'employers-of', organisationId] as const,
    queryFn: async () => (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100, role: 'employer' } } }))).items.filter((p) => p.organisationId === organisationId),
  });

export function useCreateOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/organisations', { body: { name } })),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });
}

export function useRenameOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body: { name } })),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });
}

export function useRetireOrganisation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/organisations/{id}/retire', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });
}

/** An employer user of this organisation, invited by email (they choose their password from the link). */
export function useInviteEmployer(organisationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; language: 'en' | 'es' }) =>
      unwrap(api.POST('/api/v1/users', { body: { ...body, roles: ['employer'], organisationId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}

/** The cohorts a fair may invite (a page of 100, as the API orders them). */
export const cohortChoicesQuery = queryOptions({
  queryKey: ['cohorts', 'fair-choices'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/cohorts', { params: { query: { limit: 100 } } }))).items,
});

export const fairsQuery = queryOptions({
  queryKey: [...fairsKey, 'all'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/career-fairs', { params: { query: { limit: 100 } } }))).items as CareerFair[],
});

export const fairQuery = (id: string) =>
  queryOptions({
    queryKey: [...fairsKey, id] as const,
    queryFn: () => unwrap(api.GET('/api/v1/career-fairs/{id}', { params: { path: { id } } })) as Promise<CareerFair>,
  });

/** Who registered, who checked in, and their meetings (the first 100). */
export const attendeesQuery = (id: string) =>
  queryOptions({
    queryKey: [...fairsKey, id, 'registrations'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/career-fairs/{id}/registrations', { params: { path: { id }, query: { limit: 100 } } })),
  });

export function useCreateFair() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewFairBody) => unwrap(api.POST('/api/v1/career-fairs', { body })) as Promise<CareerFair>,
    onSuccess: () => client.invalidateQueries({ queryKey: fairsKey }),
  });
}

/** An admin cancels someone's fair meeting (the API tells the employer and the trainee); the fair's registrations are read again, done or refused. */
export function useCancelFairMeeting(fairId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (bookingId: string) => unwrap(api.DELETE('/api/v1/fair-bookings/{id}', { params: { path: { id: bookingId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: [...fairsKey, fairId, 'registrations'] }),
  });
}
