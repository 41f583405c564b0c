import { type ReactNode, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { useErrorMessage } from '../../shared/states/error-state';
import { Button } from '../../shared/ui/button';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog';
import { FormAlert } from '../../shared/ui/form-alert';
import { useFormat } from '../../shared/i18n/use-format';
import type { AssessmentView, ConfigContent, FlagContent, QuizContent, RubricContent, SqlContent } from './assessment.types';
import { assessmentQuery, useStartAttempt, useSubmitAnswer } from './assessment.queries';
import { AssessmentFacts } from './assessment-facts';
import { attemptsLeft, workState } from './attempt-rules';
import { useLocalDraft } from './local-draft';
import { TimeLeft } from './time-left';
import { QuizEditor, UnansweredNote } from './quiz-editor';
import { quizAnswerOf, unanswered, unreadableNumbers, type QuizDraft } from './quiz-answers';
import { EMPTY_FLAG_DRAFT, FlagEditor, flagAnswerOf, type FlagDraft } from './flag-editor';
import { SqlEditor } from './sql-editor';
import { configAnswerOf, ConfigEditor } from './config-editor';
import { DesignEditor, designAnswerOf, EMPTY_DESIGN_DRAFT, isDesignAnswerEmpty, type DesignDraft } from './design-editor';
import { useEnrollmentOf } from './use-course-of';
import { SubmissionStatusPill } from './submission-status-pill';
import './assessments.css';

export function AssessmentScreen() {
  const { t } = useLingui();
  const { assessmentId } = useParams({ from: '/signed-in/assessments/$assessmentId' });
  const assessment = useQuery(assessmentQuery(assessmentId));
  const enrollment = useEnrollmentOf(assessment.data?.moduleId, assessmentId);
  return (
    <Screen
      title={assessment.data?.title ?? t`Assessment`}
      before={
        enrollment && (
          <Link to="/learning/$enrollmentId" params={{ enrollmentId: enrollment.id }} className="back-link">
            {enrollment.course.title}
          </Link>
        )
      }
    >
      <QueryView query={assessment} lines={8}>
        {(a) => <AssessmentBody assessment={a} enrollmentActive={!enrollment || enrollment.status === 'active'} />}
      </QueryView>
    </Screen>
  );
}

function AssessmentBody({ assessment: a, enrollmentActive }: { assessment: AssessmentView; enrollmentActive: boolean }) {
  const work = workState(a, Date.now());
  return (
    <>
      <AssessmentFacts assessment={a} />
      {a.instructions && <div className="instructions">{a.instructions}</div>}
      {!enrollmentActive ? (
        <p className="notice">
          <Trans>Your enrollment in this course has ended: its work can be read, not changed.</Trans>
        </p>
      ) : work.state === 'closed' ? (
        <p className="notice">
          <Trans>This assessment was due and does not accept late work.</Trans>
        </p>
      ) : work.state === 'used-up' ? (
        <p className="notice">
          <Trans>You have used every attempt of this assessment.</Trans>
        </p>
      ) : work.state === 'start' ? (
        <StartTimedAttempt assessment={a} />
      ) : (
        <KindWork key={work.attemptId ?? 'untimed'} assessment={a} attemptId={work.attemptId} deadlineAt={work.deadlineAt} />
      )}
      <PastSubmissions assessment={a} />
    </>
  );
}

function StartTimedAttempt({ assessment: a }: { assessment: AssessmentView }) {
  const errorMessage = useErrorMessage();
  const start = useStartAttempt(a.id);
  const minutes = a.timeLimitMinutes;
  return (
    <section className="section start-attempt" aria-labelledby="start-heading">
      <h2 id="start-heading">
        <Trans>Ready?</Trans>
      </h2>
      <p>
        <Trans>You have {minutes} minutes from the moment you start. When the time is up, what you have answered is submitted for you.</Trans>
      </p>
      <FormAlert message={start.isError ? errorMessage(start.error) : undefined} />
      <Button isPending={start.isPending} onClick={() => start.mutate()}>
        <Trans>Start the attempt</Trans>
      </Button>
    </section>
  );
}

interface WorkProps {
  assessment: AssessmentView;
  attemptId: string | null;
  deadlineAt: string | null;
}

/** The editor of the assessment's kind, each keeping its draft on this device. */
function KindWork(props: WorkProps) {
  switch (props.assessment.kind) {
    case 'quiz':
      return <QuizWork {...props} />;
    case 'flag':
      return <FlagWork {...props} />;
    case 'sql':
      return <SqlWork {...props} />;
    case 'config':
      return <ConfigWork {...props} />;
    case 'rubric':
      return <DesignWork {...props} />;
  }
}

function QuizWork(props: WorkProps) {
  const questions = (props.assessment.content as unknown as QuizContent).questions ?? [];
  const draft = useLocalDraft<QuizDraft>(props.assessment.id, {});
  const invalid = unreadableNumbers(questions, draft.value);
  const gaps = unanswered(questions, draft.value).length;
  return (
    <WorkFrame {...props} restored={draft.restored} clear={draft.clear} answer={() => quizAnswerOf(questions, draft.value)} isEmpty={gaps === questions.length} blocked={invalid.length > 0} note={<UnansweredNote count={gaps} />}>
      <QuizEditor questions={questions} draft={draft.value} invalidNumbers={invalid} onChange={(id, value) => draft.setValue((previous) => ({ ...previous, [id]: value }))} />
    </WorkFrame>
  );
}

function FlagWork(props: WorkProps) {
  const content = props.assessment.content as unknown as FlagContent;
  const draft = useLocalDraft<FlagDraft>(props.assessment.id, EMPTY_FLAG_DRAFT);
  return (
    <WorkFrame {...props} restored={draft.restored} clear={draft.clear} answer={() => flagAnswerOf(draft.value)} isEmpty={flagAnswerOf(draft.value).flags.length === 0}>
      <FlagEditor assessmentId={props.assessment.id} content={content} draft={draft.value} onChange={draft.setValue} canWork />
    </WorkFrame>
  );
}

function SqlWork(props: WorkProps) {
  const content = props.assessment.content as unknown as SqlContent;
  const draft = useLocalDraft<string>(props.assessment.id, '');
  return (
    <WorkFrame {...props} restored={draft.restored} clear={draft.clear} answer={() => ({ query: draft.value })} isEmpty={!draft.value.trim()}>
      <SqlEditor assessmentId={props.assessment.id} content={content} query={draft.value} onChange={draft.setValue} canWork />
    </WorkFrame>
  );
}

function ConfigWork(props: WorkProps) {
  const content = props.assessment.content as unknown as ConfigContent;
  const draft = useLocalDraft<string>(props.assessment.id, '');
  return (
    <WorkFrame {...props} restored={draft.restored} clear={draft.clear} answer={() => configAnswerOf(content, draft.value)} isEmpty={!draft.value.trim()}>
      <ConfigEditor assessmentId={props.assessment.id} content={content} document={draft.value} onChange={draft.setValue} canWork />
    </WorkFrame>
  );
}

function DesignWork(props: WorkProps) {
  const content = props.assessment.content as unknown as RubricContent;
  const draft = useLocalDraft<DesignDraft>(props.assessment.id, EMPTY_DESIGN_DRAFT);
  return (
    <WorkFrame {...props} restored={draft.restored} clear={draft.clear} answer={() => designAnswerOf(draft.value)} isEmpty={isDesignAnswerEmpty(draft.value)}>
      <DesignEditor content={content} draft={draft.value} onChange={draft.setValue} />
    </WorkFrame>
  );
}

interface WorkFrameProps extends WorkProps {
  children: ReactNode;
  answer: () => Record<string, unknown>;
  isEmpty: boolean;
  blocked?: boolean;
  note?: ReactNode;
  restored: boolean;
  clear: () => void;
}

/**
 * Around every editor: the timer of a timed attempt, a word that an earlier draft was restored,
 * and submitting after a confirmation (the draft is cleared only once the server took the answer).
 */
function WorkFrame({ assessment: a, attemptId, deadlineAt, children, answer, isEmpty, blocked, note, restored, clear }: WorkFrameProps) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const submit = useSubmitAnswer(a.id);
  const [tried, setTried] = useState(false);
  const answerRef = useRef(answer);
  answerRef.current = answer;
  const left = attemptsLeft(a);
  const send = () =>
    submit.mutate(
      { answer: answerRef.current(), ...(attemptId ? { attemptId } : {}) },
      {
        onSuccess: (accepted) => {
          clear();
          void navigate({ to: '/submissions/$submissionId', params: { submissionId: accepted.id } });
        },
      },
    );
  return (
    <section className="section work" aria-labelledby="answer-heading">
      <h2 id="answer-heading">
        <Trans>Your answer</Trans>
      </h2>
      {deadlineAt && <TimeLeft deadlineAt={deadlineAt} onExpire={() => !submit.isPending && !submit.isSuccess && send()} />}
      {restored && (
        <p className="meta">
          <Trans>What you typed earlier on this device was restored.</Trans>
        </p>
      )}
      {children}
      <div className="submit-area">
        {note}
        <FormAlert message={submit.isError ? errorMessage(submit.error) : tried && isEmpty ? t`Answer before submitting.` : tried && blocked ? t`Correct the answers marked above first.` : undefined} />
        {isEmpty || blocked ? (
          <Button onClick={() => setTried(true)}>
            <Trans>Submit</Trans>
          </Button>
        ) : (
          <ConfirmDialog
            trigger={submit.isPending ? t`Submitting…` : t`Submit`}
            title={t`Submit your answer?`}
            confirm={t`Submit`}
            cancel={t`Keep working`}
            variant="primary"
            onConfirm={send}
          >
            <p>{left === null ? <Trans>It is graded as it is now.</Trans> : left <= 1 ? <Trans>This is your last attempt: it is graded as it is now.</Trans> : <Trans>It is graded as it is now and uses one of your {left} attempts left.</Trans>}</p>
          </ConfirmDialog>
        )}
      </div>
    </section>
  );
}

function PastSubmissions({ assessment: a }: { assessment: AssessmentView }) {
  const format = useFormat();
  if (a.submissions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="submissions-heading">
      <h2 id="submissions-heading">
        <Trans>Your submissions</Trans>
      </h2>
      <ul className="link-list">
        {[...a.submissions].reverse().map((s) => {
          const when = format.dateTime(s.submittedAt);
          return (
            <li key={s.id}>
              <Link to="/submissions/$submissionId" params={{ submissionId: s.id }}>
                <Trans>Submitted {when}</Trans>
              </Link>{' '}
              <SubmissionStatusPill status={s.status} passed={s.passed} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
