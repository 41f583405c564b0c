import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTeachParams, useTeachSearch } from './use-teach-params';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { ProblemError } from '../../shared/api/problem';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { authorAssessmentQuery, teachKeys } from './teach.queries';
import { ASSESSMENT_KINDS, type AssessmentKind, type AuthorAssessment } from './teach.types';
import { useTeachLabels } from './teach-labels';
import { useUnsavedGuard } from './use-unsaved-guard';
import { quizProblems } from './quiz-key';
import { keyDraftsOf, keyForApi, keyProblemsOf, type KeyDrafts } from './key-of-kind';
import { KeyEditorOfKind } from './key-editor-of-kind';
import { keyFieldErrors } from './key-draft';
import { useKeyProblemText } from './key-problem-text';
import { QuizProblemList } from './quiz-problem-list';
import { TrialPanel } from './trial-panel';
import './teach.css';

/** Screen 3, new: an assessment of a kind for a draft module. */
export function NewAssessmentScreen() {
  const { t } = useLingui();
  const { courseId, moduleId } = useTeachParams('courseId', 'moduleId');
  const search = useTeachSearch();
  const kind = ASSESSMENT_KINDS.includes(search.kind as AssessmentKind) ? (search.kind as AssessmentKind) : 'quiz';
  const labels = useTeachLabels();
  const kindLabel = labels.kind(kind);
  return (
    <Screen title={t`New ${kindLabel}`} before={<BackToBuilder courseId={courseId} />}>
      <AssessmentEditor courseId={courseId} moduleId={moduleId} kind={kind} />
    </Screen>
  );
}

/** Screen 3, edit: the draft assessment with its key. */
export function EditAssessmentScreen() {
  const { t } = useLingui();
  const { courseId, assessmentId } = useTeachParams('courseId', 'assessmentId');
  const assessment = useQuery(authorAssessmentQuery(assessmentId));
  // The editor starts afresh from what the server stored after each save; this says it was saved.
  const firstSeen = useRef<string | undefined>(undefined);
  if (assessment.data && firstSeen.current === undefined) firstSeen.current = assessment.data.updatedAt;
  return (
    <Screen title={assessment.data ? t`Assessment: ${assessment.data.title}` : t`Assessment`} before={<BackToBuilder courseId={courseId} />}>
      <QueryView query={assessment} lines={8}>
        {(data) => (
          <AssessmentEditor key={data.updatedAt} courseId={courseId} moduleId={data.moduleId} kind={data.kind} assessment={data} saved={data.updatedAt !== firstSeen.current} />
        )}
      </QueryView>
    </Screen>
  );
}

function BackToBuilder({ courseId }: { courseId: string }) {
  return (
    <Link to="/teach/courses/$courseId" params={{ courseId }}>
      <Trans>Back to the course builder</Trans>
    </Link>
  );
}

interface CommonFields {
  title: string;
  instructions: string;
  maxScore: string;
  passMark: string;
  attemptsAllowed: string;
  timeLimitMinutes: string;
  dueOffsetDays: string;
  latePolicy: 'refuse' | 'penalty';
  latePenaltyPercentPerDay: string;
  lateFloorPercent: string;
  lateGraceMinutes: string;
}

const DEFAULT_ATTEMPTS: Record<AssessmentKind, number> = { quiz: 1, rubric: 1, flag: 3, sql: 3, config: 3 };

function commonOf(a: AuthorAssessment | undefined, kind: AssessmentKind): CommonFields {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    title: a?.title ?? '',
    instructions: a?.instructions ?? '',
    maxScore: text(a?.maxScore ?? 10),
    passMark: text(a?.passMark ?? 7),
    attemptsAllowed: text(a?.attemptsAllowed ?? DEFAULT_ATTEMPTS[kind]),
    timeLimitMinutes: text(a?.timeLimitMinutes),
    dueOffsetDays: text(a?.dueOffsetDays),
    latePolicy: a?.latePolicy ?? 'refuse',
    latePenaltyPercentPerDay: text(a?.latePenaltyPercentPerDay ?? 0),
    lateFloorPercent: text(a?.lateFloorPercent ?? 0),
    lateGraceMinutes: text(a?.lateGraceMinutes ?? 0),
  };
}

interface AssessmentEditorProps {
  courseId: string;
  moduleId: string;
  kind: AssessmentKind;
  assessment?: AuthorAssessment;
  /** Saved on this screen already (the editor was started afresh from the stored copy). */
  saved?: boolean;
}

function AssessmentEditor({ courseId, moduleId, kind, assessment, saved }: AssessmentEditorProps) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = useMemo(
    () => ({
      common: commonOf(assessment, kind),
      drafts: keyDraftsOf(kind, assessment?.key),
    }),
    [assessment, kind],
  );
  const [common, setCommon] = useState<CommonFields>(initial.common);
  const [drafts, setDrafts] = useState<KeyDrafts>(initial.drafts);
  // Problems found here are shown at their fields once a save was tried, not while the first item is typed.
  const [showProblems, setShowProblems] = useState(false);
  const problemText = useKeyProblemText();
  const dirty = JSON.stringify({ common, drafts }) !== JSON.stringify(initial);
  const guard = useUnsavedGuard(dirty);

  const save = useMutation({
    mutationFn: async () => {
      const key = keyForApi(kind, drafts);
      const number = (text: string) => (text.trim() === '' ? null : Number(text));
      const body = {
        kind,
        title: common.title,
        instructions: common.instructions,
        maxScore: Number(common.maxScore),
        passMark: Number(common.passMark),
        attemptsAllowed: Number(common.attemptsAllowed),
        timeLimitMinutes: number(common.timeLimitMinutes),
        dueOffsetDays: number(common.dueOffsetDays),
        latePolicy: common.latePolicy,
        latePenaltyPercentPerDay: Number(common.latePenaltyPercentPerDay || 0),
        lateFloorPercent: Number(common.lateFloorPercent || 0),
        lateGraceMinutes: Number(common.lateGraceMinutes || 0),
        key,
      };
      return assessment
        ? unwrap<AuthorAssessment>(api.PATCH('/api/v1/assessments/{id}', { params: { path: { id: assessment.id } }, body: body as never }))
        : unwrap<AuthorAssessment>(api.POST('/api/v1/modules/{id}/assessments', { params: { path: { id: moduleId } }, body: body as never }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(teachKeys.assessment(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: teachKeys.moduleAssessments(moduleId) });
      if (!assessment) {
        guard.allowLeaving();
        await navigate({ to: '/teach/courses/$courseId/assessments/$assessmentId', params: { courseId, assessmentId: saved.id } });
      }
    },
  });

  const errors = fieldErrorsOf(save.error);
  const keyErrors = save.error instanceof ProblemError ? (save.error.problem.errors ?? []).filter((e) => e.field.startsWith('key') || !(e.field in common)) : [];
  const problems = kind === 'quiz' ? quizProblems(drafts.quiz) : [];
  const keyProblems = keyProblemsOf(kind, drafts);
  const keyProblemCount = Object.keys(keyProblems).length;
  const serverKeyErrors = keyFieldErrors(errors);
  const errorAt = (field: string) => (showProblems && keyProblems[field] ? problemText(keyProblems[field]) : serverKeyErrors[field]);
  const set = (name: keyof CommonFields) => (event: { target: { value: string } }) => setCommon((c) => ({ ...c, [name]: event.target.value }));
  const defaultAttempts = DEFAULT_ATTEMPTS[kind];
  return (
    <form
      className="form"
      aria-label={t`Assessment`}
      onSubmit={(event) => {
        event.preventDefault();
        if (keyProblemCount > 0) {
          setShowProblems(true);
          const form = event.currentTarget;
          requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
          return;
        }
        save.mutate();
      }}
    >
      <FormAlert message={save.error?.message} />
      {showProblems && keyProblemCount > 0 && (
        <p className="form-alert" role="alert">
          {keyProblemCount === 1 ? t`The key has 1 problem, shown at its field. Nothing was saved.` : t`The key has ${keyProblemCount} problems, each shown at its field. Nothing was saved.`}
        </p>
      )}
      {keyErrors.length > 0 && (
        <ul className="problem-list" aria-label={t`Problems in the key`}>
          {keyErrors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <TextField name="title" label={t`Title`} required maxLength={200} value={common.title} onChange={set('title')} error={errors.title} />
      <TextArea name="instructions" label={t`Instructions (Markdown)`} rows={4} value={common.instructions} onChange={set('instructions')} error={errors.instructions} />
      <fieldset className="key-block">
        <legend>
          <Trans>Scoring and rules</Trans>
        </legend>
        <TextField name="maxScore" label={t`Maximum score`} inputMode="decimal" value={common.maxScore} onChange={set('maxScore')} error={errors.maxScore} />
        <TextField name="passMark" label={t`Score to pass`} inputMode="decimal" value={common.passMark} onChange={set('passMark')} error={errors.passMark} />
        <TextField
          name="attemptsAllowed"
          label={t`Attempts allowed`}
          description={t`Default for this kind: ${defaultAttempts}.`}
          inputMode="numeric"
          value={common.attemptsAllowed}
          onChange={set('attemptsAllowed')}
          error={errors.attemptsAllowed}
        />
        <TextField name="timeLimitMinutes" label={t`Time limit in minutes (empty: none)`} inputMode="numeric" value={common.timeLimitMinutes} onChange={set('timeLimitMinutes')} error={errors.timeLimitMinutes} />
        <TextField
          name="dueOffsetDays"
          label={t`Due, in days after the module unlocks (empty: no due date)`}
          inputMode="numeric"
          value={common.dueOffsetDays}
          onChange={set('dueOffsetDays')}
          error={errors.dueOffsetDays}
        />
        <SelectField name="latePolicy" label={t`Late work`} value={common.latePolicy} onChange={set('latePolicy')} error={errors.latePolicy}>
          <option value="refuse">{t`Not accepted after the due date`}</option>
          <option value="penalty">{t`Accepted with a penalty`}</option>
        </SelectField>
        {common.latePolicy === 'penalty' && (
          <>
            <TextField name="latePenaltyPercentPerDay" label={t`Penalty, percent per day late`} inputMode="decimal" value={common.latePenaltyPercentPerDay} onChange={set('latePenaltyPercentPerDay')} error={errors.latePenaltyPercentPerDay} />
            <TextField name="lateFloorPercent" label={t`Floor: a late answer keeps at least this percent`} inputMode="decimal" value={common.lateFloorPercent} onChange={set('lateFloorPercent')} error={errors.lateFloorPercent} />
          </>
        )}
        <TextField name="lateGraceMinutes" label={t`Grace minutes after the due date`} inputMode="numeric" value={common.lateGraceMinutes} onChange={set('lateGraceMinutes')} error={errors.lateGraceMinutes} />
      </fieldset>
      <fieldset className="key-block">
        <legend>
          <Trans>Answer key</Trans>
        </legend>
        <KeyEditorOfKind kind={kind} drafts={drafts} onChange={(k, value) => setDrafts((d) => ({ ...d, [k]: value }))} errors={errors} errorAt={errorAt} />
      </fieldset>
      <QuizProblemList problems={problems} />
      <div className="button-row">
        <Button type="submit" isPending={save.isPending}>
          <Trans>Save assessment</Trans>
        </Button>
      </div>
      <p role="status" className="meta">
        {(save.isSuccess || saved) && !dirty ? <Trans>Assessment saved.</Trans> : dirty ? <Trans>Changes not saved yet.</Trans> : null}
      </p>
      {assessment && (
        <p>
          <Link to="/teach/courses/$courseId/assessments/$assessmentId/submissions" params={{ courseId, assessmentId: assessment.id }}>
            <Trans>Submissions and scores (CSV)</Trans>
          </Link>
        </p>
      )}
      {assessment && (kind === 'sql' || kind === 'config') && <TrialPanel assessment={assessment} kind={kind} referenceQuery={drafts.sql.referenceQuery} unsaved={dirty} />}
    </form>
  );
}
