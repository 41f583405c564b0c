import { useState } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTeachParams } from './use-teach-params';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import type { TrialRun } from '../assessments/assessment.types';
import { courseDetailQuery, courseDraftQuery, moduleAssessmentsQuery, teachCohortsQuery, teachKeys, versionDiffQuery } from './teach.queries';
import { cohortsByCourse } from './my-courses';
import { draftChanges, publishProblems, type OutlineChange, type PublishProblem } from './publish-checks';
import type { AuthorAssessment, CourseDraft } from './teach.types';
import './teach.css';

/** Screen 4: what is wrong (item by item), what changes against the last version, who sees it, then publish. */
export function PublishScreen() {
  const { t } = useLingui();
  const { courseId } = useTeachParams('courseId');
  const draft = useQuery(courseDraftQuery(courseId));
  return (
    <Screen
      title={t`Publish a new version`}
      before={
        <Link to="/teach/courses/$courseId" params={{ courseId }}>
          <Trans>Back to the course builder</Trans>
        </Link>
      }
    >
      <QueryView query={draft} lines={6}>
        {(data) => <PublishReview draft={data} />}
      </QueryView>
    </Screen>
  );
}

function PublishReview({ draft }: { draft: CourseDraft }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const courseId = draft.course.id;
  const detail = useQuery(courseDetailQuery(courseId));
  const cohorts = useQuery(teachCohortsQuery);
  const perModule = useQueries({ queries: draft.modules.map((m) => moduleAssessmentsQuery(m.id)) });
  const assessments: AuthorAssessment[] = perModule.flatMap((q) => q.data ?? []);
  const loaded = perModule.every((q) => q.isSuccess) && detail.isSuccess;
  const sqlChecks = useQueries({
    queries: assessments
      .filter((a) => a.kind === 'sql')
      .map((a) => ({
        queryKey: [...teachKeys.assessment(a.id), 'reference-run', a.updatedAt],
        queryFn: () =>
          unwrap<TrialRun>(api.POST('/api/v1/assessments/{id}/trial-runs', { params: { path: { id: a.id } }, body: { answer: { query: String(a.key.referenceQuery ?? '') } } })).then(
            (run) => ({ assessment: a.title, run }),
          ),
        retry: false,
      })),
  });
  const problems: PublishProblem[] = [
    ...publishProblems(draft, assessments),
    ...sqlChecks.flatMap((q): PublishProblem[] =>
      q.data && q.data.run.status === 'error' ? [{ rule: 'sql-reference-fails', assessment: q.data.assessment, message: q.data.run.message ?? '' }] : [],
    ),
  ];
  const checking = !loaded || sqlChecks.some((q) => q.isPending);
  const [changeNote, setChangeNote] = useState('');
  const publish = useMutation({
    mutationFn: () => unwrap<{ version: number; versionId: string }>(api.POST('/api/v1/courses/{id}/publish', { params: { path: { id: courseId } }, body: { changeNote } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.all }),
  });
  if (publish.data) return <Published courseId={courseId} version={publish.data.version} versionId={publish.data.versionId} />;
  const latest = detail.data?.latest ?? null;
  const nextVersion = (latest?.version ?? 0) + 1;
  const runs = cohortsByCourse(cohorts.data ?? []).get(courseId) ?? [];
  return (
    <>
      <section className="section" aria-labelledby="problems-heading">
        <h2 id="problems-heading">
          <Trans>Checks</Trans>
        </h2>
        {checking ? (
          <p role="status" className="meta">
            <Trans>Checking the course, and running each SQL reference query in the sandbox…</Trans>
          </p>
        ) : problems.length > 0 ? (
          <div className="notice" role="alert">
            <p>
              <Trans>Fix these before publishing:</Trans>
            </p>
            <ul className="problem-list">
              {problems.map((problem, i) => (
                <li key={i}>
                  <ProblemText problem={problem} />
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p role="status">
            <Trans>No problems found.</Trans>
          </p>
        )}
      </section>
      <section className="section" aria-labelledby="changes-heading">
        <h2 id="changes-heading">{latest ? <Trans>Changes since version {latest.version}</Trans> : <Trans>First version</Trans>}</h2>
        {loaded && <ChangeList changes={draftChanges(draft, latest, assessments)} first={!latest} />}
      </section>
      <section className="section" aria-labelledby="cohorts-heading">
        <h2 id="cohorts-heading">
          <Trans>What cohorts will see</Trans>
        </h2>
        <p>
          <Trans>
            This publishes version {nextVersion}. New cohorts can be planned on it. Cohorts already running keep the version they started with, so a later fix,
            even a typo, reaches them only in a new cohort.
          </Trans>
        </p>
        {runs.length > 0 && (
          <ul>
            {runs.map(({ cohort, version }) => (
              <li key={cohort.id}>
                <Trans>
                  {cohort.name} keeps version {version}.
                </Trans>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="publish-heading">
        <h2 id="publish-heading">
          <Trans>Publish</Trans>
        </h2>
        <FormAlert message={publish.error?.message} />
        <TextField name="changeNote" label={t`Change note (shown with the version)`} maxLength={500} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
        {!checking && problems.length > 0 ? (
          <p className="meta">
            <Trans>Fix the problems listed under “Checks” to publish.</Trans>
          </p>
        ) : (
          <Button isPending={publish.isPending || checking} onClick={() => !checking && publish.mutate()}>
            <Trans>Publish version {nextVersion}</Trans>
          </Button>
        )}
      </section>
    </>
  );
}

function ProblemText({ problem }: { problem: PublishProblem }) {
  switch (problem.rule) {
    case 'empty-course':
      return <Trans>The course has no modules.</Trans>;
    case 'empty-module': {
      const module = problem.module;
      return <Trans>Module “{module}” has no lessons and no assessments.</Trans>;
    }
    case 'empty-lesson': {
      const lesson = problem.lesson;
      return <Trans>Lesson “{lesson}” has no text.</Trans>;
    }
    case 'no-criteria': {
      const assessment = problem.assessment;
      return <Trans>“{assessment}”: the rubric has no criteria.</Trans>;
    }
    case 'no-correct-answer': {
      const { assessment, question } = problem;
      return <Trans>“{assessment}”: question {question} has no correct answer.</Trans>;
    }
    case 'key-problems': {
      const { assessment, count } = problem;
      return <Trans>“{assessment}”: its key has {count} problems; open it to see each at its field.</Trans>;
    }
    case 'sql-reference-fails': {
      const { assessment, message } = problem;
      return <Trans>“{assessment}”: the reference query fails in the sandbox: {message}</Trans>;
    }
  }
}

function ChangeList({ changes, first }: { changes: OutlineChange[]; first: boolean }) {
  const { t } = useLingui();
  if (changes.length === 0) return <p><Trans>No change in the outline (lesson texts and keys may still have changed).</Trans></p>;
  const kindOf = (c: OutlineChange) => (c.kind === 'module' ? t`Module` : c.kind === 'lesson' ? t`Lesson` : t`Assessment`);
  const changeOf = (c: OutlineChange) => (c.change === 'added' ? (first ? t`included` : t`added`) : c.change === 'removed' ? t`removed` : t`renamed`);
  return (
    <ul>
      {changes.map((c, i) => (
        <li key={i}>
          {kindOf(c)} “{c.title}”: {changeOf(c)}
        </li>
      ))}
    </ul>
  );
}

/** After publishing: the server's diff against the previous version, and where to set certification criteria. */
function Published({ courseId, version, versionId }: { courseId: string; version: number; versionId: string }) {
  const { t } = useLingui();
  const diff = useQuery({ ...versionDiffQuery(courseId, Math.max(1, version - 1), version), enabled: version > 1 });
  return (
    <section className="section" aria-labelledby="published-heading">
      <div role="status">
        <h2 id="published-heading">
          <Trans>Version {version} is published.</Trans>
        </h2>
      </div>
      {diff.data && (
        <ul>
          {(['modules', 'lessons', 'assessments'] as const).flatMap((part) =>
            [...diff.data[part].added.map((i) => ({ ...i, how: t`added` })), ...diff.data[part].removed.map((i) => ({ ...i, how: t`removed` })), ...diff.data[part].changed.map((i) => ({ ...i, how: t`changed` }))].map(
              (item) => (
                <li key={`${part}-${item.id}`}>
                  “{item.title}”: {item.how}
                </li>
              ),
            ),
          )}
        </ul>
      )}
      <div className="button-row">
        <Link to="/teach/courses/$courseId/versions/$versionId/criteria" params={{ courseId, versionId }} className="button button-secondary">
          <Trans>Set its certification criteria</Trans>
        </Link>
        <Link to="/teach/courses/$courseId" params={{ courseId }} className="button button-secondary">
          <Trans>Back to the course builder</Trans>
        </Link>
      </div>
    </section>
  );
}
