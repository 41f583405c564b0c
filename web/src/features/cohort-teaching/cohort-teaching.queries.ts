import { queryOptions } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';

/** Query keys of the instructor's cohort workspace (all under the cohort, dropped at sign-out with the rest). */
export const teachingKeys = {
  roster: (cohortId: string) => ['cohorts', cohortId, 'roster'] as const,
  reviewQueue: (cohortId: string, courseVersionId: string, assessmentId: string) => ['cohorts', cohortId, 'review-queue', courseVersionId, assessmentId] as const,
  gradebook: (cohortId: string, courseVersionId: string) => ['cohorts', cohortId, 'gradebook', courseVersionId] as const,
  submission: (id: string) => ['submissions', id, 'staff'] as const,
};

export const rosterQuery = (cohortId: string) =>
  queryOptions({
    queryKey: teachingKeys.roster(cohortId),
    queryFn: () => unwrap(api.GET('/api/v1/cohorts/{id}/roster', { params: { path: { id: cohortId }, query: {} } })),
  });

export const reviewQueueQuery = (cohortId: string, courseVersionId: string, assessmentId: string) =>
  queryOptions({
    queryKey: teachingKeys.reviewQueue(cohortId, courseVersionId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cohorts/{id}/review-queue', {
          params: {
            path: { id: cohortId },
            query: { limit: 100, ...(courseVersionId ? { courseVersionId } : {}), ...(assessmentId ? { assessmentId } : {}) },
          },
        }),
      ),
  });

/** A submission as staff see it: whose it is and every grade it had. */
export const staffSubmissionQuery = (submissionId: string) =>
  queryOptions({
    queryKey: teachingKeys.submission(submissionId),
    queryFn: () => unwrap(api.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } })),
  });

/** The assessment with its key (the rubric), as the cohort's instructors may see it. */
export const staffAssessmentQuery = (assessmentId: string) =>
  queryOptions({
    queryKey: ['assessments', assessmentId, 'staff'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/assessments/{id}', { params: { path: { id: assessmentId } } })),
  });
