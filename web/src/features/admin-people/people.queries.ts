import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

type Schemas = components['schemas'];
export type Person = Schemas['UserView'];
export type Role = Person['roles'][number];
export const ROLES: Role[] = ['trainee', 'instructor', 'admin', 'reviewer', 'employer'];

const peopleKey = ['people'] as const;

export const peopleQuery = (filter: { q?: string; role?: Role }) =>
  queryOptions({
    queryKey: [...peopleKey, 'list', filter] as const,
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 100, q: filter.q || undefined, role: filter.role } } })),
  });

/** The listed organisations an employer user may act for (a page of 100, by name). */
export const listedOrganisationsQuery = queryOptions({
  queryKey: ['organisations', 'listed'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/organisations', { params: { query: { limit: 100 } } }))).items,
});

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: [...peopleKey, id] as const,
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

/** A person's history, newest first, a page at a time (it only grows): the screen shows more on request. */
export const roleChangesQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: [...peopleKey, id, 'role-changes'] as const,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/users/{id}/role-changes', { params: { path: { id }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** After any change to a person: their page, their history and the lists. */
function useRefresh(id?: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: id ? [...peopleKey] : peopleKey });
}

export function useInvitePerson() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { email: string; displayName: string; roles: Role[]; language: 'en' | 'es'; organisationId?: string }) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => void refresh(),
  });
}

export function useChangeRoles(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: { roles: Role[]; reason?: string; organisationId?: string }) => unwrap(api.PATCH('/api/v1/users/{id}/roles', { params: { path: { id } }, body })),
    onSuccess: () => void refresh(),
  });
}

export function useResendInvitation(id: string) {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/invitations', { params: { path: { id } } })) });
}

export function useSetActive(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ active, reason }: { active: boolean; reason?: string }) =>
      active
        ? unwrap(api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } }, body: { reason } }))
        : unwrap(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => void refresh(),
  });
}
