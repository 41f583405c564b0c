import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { queryKeys } from '../../shared/api/query-keys';
import type { AssessmentView, AttemptView, RevealedHint, SubmissionView, TrialRun } from './assessment.types';
import { pollDelay } from './submission-status';

export const assessmentQuery = (assessmentId: string) =>
  queryOptions({
    queryKey: queryKeys.assessments.detail(assessmentId),
    queryFn: () => unwrap<AssessmentView>(api.GET('/api/v1/assessments/{id}', { params: { path: { id: assessmentId } } }) as never),
  });

/** The submission, asked again with back-off while it waits for grading (see pollDelay). */
export const submissionQuery = (submissionId: string) =>
  queryOptions({
    queryKey: queryKeys.submissions.detail(submissionId),
    queryFn: () => unwrap<SubmissionView>(api.GET('/api/v1/submissions/{id}', { params: { path: { id: submissionId } } }) as never),
    refetchInterval: (query) => pollDelay(query.state.data?.status, query.state.dataUpdateCount),
    // A phone in a pocket need not poll; coming back to the tab asks at once.
    refetchIntervalInBackground: false,
  });

/** Starts (or resumes) an attempt: a timed one gets its deadline from the server. */
export function useStartAttempt(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<AttemptView>(api.POST('/api/v1/assessments/{id}/attempts', { params: { path: { id: assessmentId } } }) as never),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.assessments.detail(assessmentId) }),
  });
}

export function useSubmitAnswer(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { answer: Record<string, unknown>; attemptId?: string }) =>
      unwrap<{ id: string; status: string; url: string }>(api.POST('/api/v1/assessments/{id}/submissions', { params: { path: { id: assessmentId } }, body } as never) as never),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments.detail(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrollments.all });
    },
  });
}

/** Runs an SQL or config answer without submitting it: no grade, no attempt used. */
export function useTrialRun(assessmentId: string) {
  return useMutation({
    mutationFn: (answer: Record<string, unknown>) =>
      unwrap<TrialRun>(api.POST('/api/v1/assessments/{id}/trial-runs' as never, { params: { path: { id: assessmentId } }, body: { answer } } as never) as never),
  });
}

export function useRevealHint(assessmentId: string) {
  return useMutation({
    mutationFn: (hintId: string) =>
      unwrap<RevealedHint>(api.POST('/api/v1/assessments/{id}/hints/{hintId}/reveal', { params: { path: { id: assessmentId, hintId } } }) as never),
  });
}
