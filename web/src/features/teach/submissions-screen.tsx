import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { downloadFile } from '../../shared/ui/download-file';
import { useFormat } from '../../shared/i18n/use-format';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { ProblemError } from '../../shared/api/problem';
import { authorAssessmentQuery, teachKeys } from './teach.queries';
import { submissionsCsv, type StaffSubmission } from './submissions-csv';
import { useTeachParams } from './use-teach-params';
import './teach.css';

async function allSubmissions(assessmentId: string): Promise<StaffSubmission[]> {
  const items: StaffSubmission[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const answer = await unwrap<{ items: StaffSubmission[]; nextCursor: string | null }>(
      api.GET('/api/v1/assessments/{id}/submissions', { params: { path: { id: assessmentId }, query: { limit: 100, cursor } as never } }),
    );
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

/** Screen 8: an assessment's submissions in the cohorts you instruct (admins: all), oldest first, with a CSV download. */
export function SubmissionsScreen() {
  const { t } = useLingui();
  const format = useFormat();
  const { courseId, assessmentId } = useTeachParams('courseId', 'assessmentId');
  const assessment = useQuery(authorAssessmentQuery(assessmentId));
  // The API lists the submissions of the cohorts you instruct: to a course editor who instructs none of
  // the cohorts running it, it answers 404 while the assessment itself is theirs to edit.
  const submissions = useQuery({
    queryKey: [...teachKeys.assessment(assessmentId), 'submissions'],
    queryFn: () =>
      allSubmissions(assessmentId).catch((error: unknown) => {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }),
  });
  const csv = useMutation({
    mutationFn: async () => downloadFile(new Blob([submissionsCsv(await allSubmissions(assessmentId))], { type: 'text/csv;charset=utf-8' }), `submissions-${assessmentId}.csv`),
  });
  const status = (s: StaffSubmission['status']) =>
    ({ queued: t`Waiting for grading`, graded: t`Graded`, needs_review: t`Needs review`, error: t`Grading failed` })[s] ?? s;
  return (
    <Screen
      title={assessment.data ? t`Submissions: ${assessment.data.title}` : t`Submissions`}
      before={
        <Link to="/teach/courses/$courseId/assessments/$assessmentId" params={{ courseId, assessmentId }}>
          <Trans>Back to the assessment</Trans>
        </Link>
      }
    >
      <QueryView
        query={submissions}
        isEmpty={(items) => !items || items.length === 0}
        empty={submissions.data === null ? <Trans>No cohort you instruct runs this assessment yet, so there are no submissions for you to see.</Trans> : <Trans>No submissions yet.</Trans>}
      >
        {(items) => items && (
          <>
            <div className="button-row">
              <Button variant="secondary" isPending={csv.isPending} onClick={() => csv.mutate()}>
                <Trans>Download CSV</Trans>
              </Button>
            </div>
            <FormAlert message={csv.error?.message} />
            <div className="table-scroll table-scroll--framed" role="region" aria-label={t`Submissions`} tabIndex={0}>
              <table className="result-table">
                <thead>
                  <tr>
                    <th scope="col">{t`Submitted`}</th>
                    <th scope="col">{t`Trainee`}</th>
                    <th scope="col">{t`Status`}</th>
                    <th scope="col">{t`Score`}</th>
                    <th scope="col">{t`Days late`}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((s) => (
                    <tr key={s.id}>
                      <td>{format.dateTime(s.submittedAt)}</td>
                      <td>{s.traineeId.slice(0, 8)}</td>
                      <td>{status(s.status)}</td>
                      <td>{s.score === null ? '—' : `${s.score} / ${s.maxScore}`}</td>
                      <td>{s.lateDays}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryView>
    </Screen>
  );
}
