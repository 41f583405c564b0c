import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { reviewQueueQuery, staffAssessmentQuery, staffSubmissionQuery, teachingKeys } from './cohort-teaching.queries';
import { designFindings, isWebLink, marksFromFeedback, reviewCriteria, rubricCriteria, type RubricMarks } from './rubric-score';
import { RubricForm } from './rubric-form';
import { GradeHistory } from './grade-history';
import { OverrideForm } from './override-form';
import { RegradeForm } from './regrade-form';
import { SubmissionPreview } from './submission-preview';
import { submissionReviewRoute } from './routes';
import './cohort-teaching.css';

interface RubricAnswer {
  text?: string;
  links?: string[];
  html?: string;
  css?: string;
}

/**
 * Screen 7, one submission: the work (text, links, the page in a frame that runs nothing), what the
 * machine found, the rubric to fill, then on to the next in the queue. A graded review can be
 * corrected, any graded (or failed) grade overridden, and a machine-graded assessment regraded, each
 * with a reason; the grade history shows every grade it had.
 */
export function SubmissionReviewScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { cohortId, submissionId } = submissionReviewRoute.useParams();
  const submission = useQuery(staffSubmissionQuery(submissionId));
  const assessment = useQuery({ ...staffAssessmentQuery(submission.data?.assessmentId ?? ''), enabled: submission.isSuccess });

  const goToNext = async () => {
    await queryClient.invalidateQueries({ queryKey: ['cohorts', cohortId, 'review-queue'] });
    const queue = await queryClient.fetchQuery(reviewQueueQuery(cohortId, '', ''));
    const next = queue.items.find((item) => item.id !== submissionId);
    if (next) await navigate({ to: '/cohort-teaching/$cohortId/submissions/$submissionId', params: { cohortId, submissionId: next.id } });
    else await navigate({ to: '/cohort-teaching/$cohortId/review', params: { cohortId } });
  };
  const review = useMutation({
    mutationFn: ({ marks, comment }: { marks: RubricMarks; comment: string }) =>
      unwrap(
        api.POST('/api/v1/submissions/{id}/review', {
          params: { path: { id: submissionId } },
          body: { criteria: reviewCriteria(criteria, marks), ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teachingKeys.submission(submissionId) });
      await goToNext();
    },
  });
  const correction = useMutation({
    mutationFn: ({ marks, comment, reason }: { marks: RubricMarks; comment: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/submissions/{id}/review-corrections', {
          params: { path: { id: submissionId } },
          body: { criteria: reviewCriteria(criteria, marks), reason, ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachingKeys.submission(submissionId) }),
  });
  const override = useMutation({
    mutationFn: ({ score, reason }: { score: number; reason: string }) =>
      unwrap(api.POST('/api/v1/submissions/{id}/override', { params: { path: { id: submissionId } }, body: { score, reason } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachingKeys.submission(submissionId) }),
  });
  const criteria = rubricCriteria(assessment.data?.key);
  const title = assessment.data?.title ?? t`Submission`;

  return (
    <Screen
      title={title}
      before={
        <Link to="/cohort-teaching/$cohortId/review" params={{ cohortId }} className="back-link">
          <Trans>Review queue</Trans>
        </Link>
      }
    >
      <QueryView query={submission} lines={8}>
        {(s) => {
          const answer = (s.answer ?? {}) as RubricAnswer;
          const findings = designFindings(s.feedback);
          const when = format.dateTime(s.submittedAt);
          const reviewed = s.status === 'graded' && Object.keys(marksFromFeedback(s.feedback)).length > 0;
          return (
            <>
              <p>
                <Trans>Submitted {when}</Trans>
                {s.lateDays > 0 && (
                  <>
                    {' · '}
                    <span className="late-flag">
                      <Trans>{s.lateDays} days late</Trans>
                    </span>
                  </>
                )}
              </p>
              <section aria-labelledby="work-heading">
                <h2 id="work-heading">
                  <Trans>The work</Trans>
                </h2>
                {answer.text && <p className="instructions">{answer.text}</p>}
                {answer.links && answer.links.length > 0 && (
                  <ul>
                    {answer.links.map((link) => (
                      <li key={link}>{isWebLink(link) ? <a href={link} target="_blank" rel="noopener noreferrer">{link}</a> : link}</li>
                    ))}
                  </ul>
                )}
                {answer.html !== undefined && <SubmissionPreview submissionId={s.id} />}
                {answer.css && (
                  <details>
                    <summary>
                      <Trans>Submitted CSS (as text)</Trans>
                    </summary>
                    <pre className="instructions">{answer.css}</pre>
                  </details>
                )}
              </section>
              <section aria-labelledby="findings-heading">
                <h2 id="findings-heading">
                  <Trans>Automatic checks</Trans>
                </h2>
                {answer.html === undefined ? (
                  <p>
                    <Trans>No page was submitted, so nothing was checked automatically.</Trans>
                  </p>
                ) : findings.length === 0 ? (
                  <p>
                    <Trans>The automatic accessibility and structure checks found nothing.</Trans>
                  </p>
                ) : (
                  <ul className="finding-list">
                    {findings.map((f, index) => (
                      <li key={index}>
                        <strong>{f.kind === 'accessibility' ? t`Accessibility` : f.kind === 'structure' ? t`Structure` : t`Input`}</strong>
                        {f.impact ? ` (${f.impact})` : ''}: {f.message}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="rubric-heading">
                <h2 id="rubric-heading">{reviewed ? t`Correct the review` : t`Rubric`}</h2>
                <QueryView query={assessment} lines={4}>
                  {(a) =>
                    criteria.length === 0 ? (
                      <p>
                        <Trans>This assessment has no rubric to fill.</Trans>
                      </p>
                    ) : s.status === 'needs_review' ? (
                      <RubricForm
                        key={s.id}
                        criteria={criteria}
                        maxScore={a.maxScore}
                        submitLabel={t`Submit review and go to the next`}
                        isPending={review.isPending}
                        error={review.error?.message}
                        onSubmit={(marks, comment) => review.mutate({ marks, comment })}
                      />
                    ) : reviewed ? (
                      <>
                        {correction.isSuccess && (
                          <p role="status" className="notice">
                            <Trans>The correction is saved.</Trans>
                          </p>
                        )}
                        <RubricForm
                          key={`${s.id}-${s.gradedAt ?? ''}`}
                          criteria={criteria}
                          maxScore={a.maxScore}
                          initial={marksFromFeedback(s.feedback)}
                          withReason
                          submitLabel={t`Save the correction`}
                          isPending={correction.isPending}
                          error={correction.error?.message}
                          onSubmit={(marks, comment, reason) => correction.mutate({ marks, comment, reason })}
                        />
                      </>
                    ) : (
                      <p>
                        <Trans>This submission is not waiting for a review.</Trans>
                      </p>
                    )
                  }
                </QueryView>
              </section>
              {(s.status === 'graded' || s.status === 'error') && (
                <OverrideForm
                  key={s.gradedAt ?? s.id}
                  currentScore={s.score}
                  maxScore={s.maxScore}
                  isPending={override.isPending}
                  error={override.error?.message}
                  saved={override.isSuccess}
                  onOverride={(score, reason) => override.mutate({ score, reason })}
                />
              )}
              {s.status === 'graded' && assessment.data && assessment.data.kind !== 'rubric' && <RegradeForm assessmentId={s.assessmentId} submissionId={s.id} courseId={assessment.data.courseId} versionId={s.versionId} />}
              <GradeHistory grades={s.grades ?? []} />
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}
