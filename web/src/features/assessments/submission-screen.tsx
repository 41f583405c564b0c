import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useFormat } from '../../shared/i18n/use-format';
import type { SubmissionView } from './assessment.types';
import { assessmentQuery, submissionQuery } from './assessment.queries';
import { isSettled, phaseOf } from './submission-status';
import { queryKeys } from '../../shared/api/query-keys';
import { feedbackItems, type FeedbackItem } from './submission-feedback';
import { useEnrollmentOf } from './use-course-of';
import './assessments.css';

/** A submission's way through grading: its place in the queue, then score, pass or not, and feedback. */
export function SubmissionScreen() {
  const { t } = useLingui();
  const { submissionId } = useParams({ from: '/signed-in/submissions/$submissionId' });
  const submission = useQuery(submissionQuery(submissionId));
  const assessmentId = submission.data?.assessmentId;
  const assessment = useQuery({ ...assessmentQuery(assessmentId ?? ''), enabled: !!assessmentId });
  const enrollment = useEnrollmentOf(assessment.data?.moduleId, assessmentId);
  const settled = submission.data ? isSettled(submission.data.status) : false;
  const queryClient = useQueryClient();
  useEffect(() => {
    // A grade changes what the assessment, home and the outline show (its status, passed modules).
    if (settled && assessmentId) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments.detail(assessmentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enrollments.all });
    }
  }, [settled, assessmentId, queryClient]);
  return (
    <Screen
      title={assessment.data ? t`Submission: ${assessment.data.title}` : t`Submission`}
      before={
        assessmentId && (
          <Link to="/assessments/$assessmentId" params={{ assessmentId }} className="back-link">
            {assessment.data?.title ?? <Trans>Back to the assessment</Trans>}
          </Link>
        )
      }
    >
      <QueryView query={submission} lines={4}>
        {(s) => (
          <>
            <SubmissionState submission={s} />
            <nav className="pager" aria-label={t`Where next`}>
              <Link to="/assessments/$assessmentId" params={{ assessmentId: s.assessmentId }} className="button button-secondary">
                <Trans>Back to the assessment</Trans>
              </Link>
              {enrollment && (
                <Link to="/learning/$enrollmentId" params={{ enrollmentId: enrollment.id }} className="button">
                  <Trans>Back to {enrollment.course.title}</Trans>
                </Link>
              )}
            </nav>
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function SubmissionState({ submission: s }: { submission: SubmissionView }) {
  const format = useFormat();
  const phase = phaseOf(s);
  const submitted = format.dateTime(s.submittedAt);
  const place = (s.queuePosition ?? 0) + 1;
  return (
    <>
      <p className="meta">
        <Trans>Submitted {submitted}</Trans>
      </p>
      {/* One polite live region: each change of phase is read once, the polling itself is silent. */}
      <div className={`submission-phase phase-${phase}`} role="status" aria-live="polite" aria-atomic="true">
        {phase === 'queued' && (
          <p>
            <Trans>Waiting for grading: number {place} in the queue. This page updates by itself.</Trans>
          </p>
        )}
        {phase === 'grading' && (
          <p>
            <Trans>Being graded now. This page updates by itself.</Trans>
          </p>
        )}
        {phase === 'review' && (
          <p>
            <Trans>An instructor grades this one; you will be notified when it is done.</Trans>
          </p>
        )}
        {phase === 'error' && (
          <p>
            <Trans>This submission could not be graded automatically. An instructor will look at it; it still counts as submitted.</Trans>
          </p>
        )}
        {phase === 'graded' && <Result submission={s} />}
      </div>
      {phase !== 'queued' && phase !== 'grading' && <Feedback items={feedbackItems(s.feedback, s.lateDays)} />}
    </>
  );
}

function Result({ submission: s }: { submission: SubmissionView }) {
  const score = s.score ?? 0;
  const max = s.maxScore ?? 0;
  return (
    <p className="result-line">
      <strong className={s.passed ? 'result-pass' : 'result-fail'}>{s.passed ? <Trans>Passed</Trans> : <Trans>Not passed</Trans>}</strong>{' '}
      <Trans>
        Score: {score} of {max}
      </Trans>
    </p>
  );
}

function Feedback({ items }: { items: FeedbackItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">
        <Trans>Feedback</Trans>
      </h2>
      <ul className="feedback-list">
        {items.map((item, index) => (
          <li key={index}>
            <FeedbackLine item={item} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FeedbackLine({ item }: { item: FeedbackItem }) {
  switch (item.kind) {
    case 'text':
      return <>{item.text}</>;
    case 'question': {
      const { number, earned, points } = item;
      return item.correct ? <Trans>Question {number}: right (points: {earned} of {points})</Trans> : <Trans>Question {number}: not right (points: {earned} of {points})</Trans>;
    }
    case 'flag': {
      const { label, points } = item;
      return item.captured ? <Trans>{label}: found (points: {points})</Trans> : <Trans>{label}: not found</Trans>;
    }
    case 'penalty': {
      const points = item.points;
      return <Trans>Points taken off for hints or lateness: {points}.</Trans>;
    }
    case 'late': {
      const days = item.days;
      return <Trans>Days late: {days}.</Trans>;
    }
    case 'awaiting-review':
      return <Trans>Waiting for an instructor's review against the rubric.</Trans>;
  }
}
