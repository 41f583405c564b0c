import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../shared/api/schema.gen';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import type { NewCohortBody } from './cohort-form';
import type { CohortStatus } from './lifecycle';
import { type EnrolledTrainee, NoSuchTrainee } from './enrol-trainee';
import { ProblemError } from '../../shared/api/problem';

type Schemas = components['schemas'];
export type AdminCohort = Schemas['CohortView'];
export type ImportPreview = Schemas['ImportPreviewView'];
export type TraineeImport = Schemas['TraineeImportView'];
export interface CourseChoice {
  versionId: string;
  title: string;
  trackCode: string;
  version: number;
}

export const adminCohortsQuery = queryOptions({
  queryKey: [...queryKeys.cohorts.all, 'admin-list'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/cohorts', { params: { query: { limit: 100 } } }))).items as AdminCohort[],
});

export const adminCohortQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.cohorts.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}', { params: { path: { id } } })) as Promise<AdminCohort>,
  });

/** How many applicants wait for a seat (a page of 100 at most: "100+" beyond). */
export const waitlistQuery = (id: string) =>
  queryOptions({
    queryKey: [...queryKeys.cohorts.detail(id), 'waitlist'] as const,
    queryFn: async () => {
      // The route also answers text/csv (format=csv): the JSON page is what this call asks for.
      const page = await unwrap<components['schemas']['ApplicationReviewPageView']>(
        api.GET('/api/v1/cohorts/{id}/applications', { params: { path: { id }, query: { status: 'waitlisted', limit: 100 } } }) as never,
      );
      return { count: page.items.length, more: page.nextCursor !== null };
    },
  });

export type PrerequisiteWaiver = Schemas['PrerequisiteWaiverView'];

/** How many waivers the cohort screen shows, newest first; it says when there are more. */
export const WAIVERS_SHOWN = 100;

/** Direct enrolments that waived prerequisites, newest first (the first WAIVERS_SHOWN, and whether more exist). */
export const prerequisiteWaiversQuery = (id: string) =>
  queryOptions({
    queryKey: [...queryKeys.cohorts.detail(id), 'prerequisite-waivers'] as const,
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/v1/cohorts/{id}/prerequisite-waivers', { params: { path: { id }, query: { limit: WAIVERS_SHOWN } } }));
      return { items: page.items as PrerequisiteWaiver[], more: page.nextCursor !== null };
    },
  });

/** Published courses, each at its newest version: what a new cohort can run. */
export const courseChoicesQuery = queryOptions({
  queryKey: ['courses', 'published-latest'] as const,
  queryFn: async (): Promise<CourseChoice[]> => {
    const catalogue = await unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 100 } } }));
    const published = catalogue.items.filter((course) => course.latestVersion > 0);
    const versions = await Promise.all(published.map((course) => unwrap(api.GET('/api/v1/courses/{id}/versions', { params: { path: { id: course.id } } }))));
    return published.map((course, i) => ({ versionId: versions[i][0].versionId, title: course.title, trackCode: course.trackCode, version: versions[i][0].version }));
  },
});

export function useCreateCohort() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCohortBody) => unwrap(api.POST('/api/v1/cohorts', { body })) as Promise<AdminCohort>,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.cohorts.all }),
  });
}

export function useUpdateCohort(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; capacity?: number; applicationsOpenAt?: string; applicationsCloseAt?: string; startsAt?: string; endsAt?: string }) =>
      unwrap(api.PATCH('/api/v1/cohorts/{id}', { params: { path: { id } }, body })) as Promise<AdminCohort>,
    onSuccess: (cohort) => {
      client.setQueryData(queryKeys.cohorts.detail(id), cohort);
      void client.invalidateQueries({ queryKey: queryKeys.cohorts.all });
    },
  });
}

export function useTransitionCohort(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: CohortStatus) => unwrap(api.POST('/api/v1/cohorts/{id}/status', { params: { path: { id } }, body: { status } })) as Promise<AdminCohort>,
    onSuccess: (cohort) => {
      client.setQueryData(queryKeys.cohorts.detail(id), cohort);
      void client.invalidateQueries({ queryKey: queryKeys.cohorts.all });
    },
  });
}

export function usePreviewImport(cohortId: string) {
  return useMutation({
    mutationFn: (csv: string) => unwrap(api.POST('/api/v1/cohorts/{id}/imports/preview', { params: { path: { id: cohortId } }, body: { csv } })) as Promise<ImportPreview>,
  });
}

export function useStartImport(cohortId: string) {
  return useMutation({
    mutationFn: (csv: string) => unwrap(api.POST('/api/v1/cohorts/{id}/imports', { params: { path: { id: cohortId } }, body: { csv } })) as Promise<TraineeImport>,
  });
}

/** The import's status, polled until the worker has finished it. */
export const importQuery = (importId: string) =>
  queryOptions({
    queryKey: ['imports', importId] as const,
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id: importId } } })) as Promise<TraineeImport>,
    refetchInterval: (query) => (query.state.data?.status === 'finished' || query.state.data?.status === 'failed' ? false : 1000),
  });

export interface EnrolTraineeInput {
  email: string;
  /** Only when the cohort runs several course versions (the API asks which). */
  courseVersionId?: string;
  /** Enrol although prerequisites are missing: the API records the waiver (GET /cohorts/{id}/prerequisite-waivers). */
  overridePrerequisites?: boolean;
  /** Why they are waived: the API requires it with overridePrerequisites and keeps it with the waiver. */
  overrideReason?: string;
}

/**
 * The trainee account with exactly this e-mail (case aside), through the user search's exact filter:
 * undefined when there is none, also when the API refuses the text as no e-mail address at all (400),
 * which the browser's own check lets through (e.g. "ana@gds").
 */
async function traineeByEmail(email: string) {
  try {
    const page = await unwrap(api.GET('/api/v1/users', { params: { query: { role: 'trainee', email, limit: 1 } } }));
    return page.items[0];
  } catch (error) {
    if (error instanceof ProblemError && error.status === 400) return undefined;
    throw error;
  }
}

/**
 * A direct enrolment by e-mail: the trainee is found through the admin's user search (the route takes
 * an id), then enrolled. Success refreshes the cohort (seats) and what hangs under it (waivers).
 */
export function useEnrolTrainee(cohortId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, courseVersionId, overridePrerequisites, overrideReason }: EnrolTraineeInput) => {
      const trainee = await traineeByEmail(email.trim());
      if (!trainee) throw new NoSuchTrainee(email.trim());
      const body = { traineeId: trainee.id, ...(courseVersionId ? { courseVersionId } : {}), ...(overridePrerequisites ? { overridePrerequisites: true, overrideReason } : {}) };
      const enrollment = await unwrap(api.POST('/api/v1/cohorts/{id}/enrollments', { params: { path: { id: cohortId } }, body }));
      return { trainee: trainee as EnrolledTrainee, enrollment };
    },
    // The cohort's seats (here and in the list), its waiver table and the teaching roster all hang under the cohorts key.
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.cohorts.all }),
  });
}
