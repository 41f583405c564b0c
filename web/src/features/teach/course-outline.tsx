import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { MoveButtons, refocusMoveButton } from './move-buttons';
import { moduleAssessmentsQuery, teachKeys } from './teach.queries';
import { ASSESSMENT_KINDS, type CourseDraft, type DraftModule } from './teach.types';
import { useTeachLabels } from './teach-labels';
import { parseSkillCodes } from './skill-codes';

/** The draft's modules and their lessons and assessments, each movable with buttons. */
export function CourseOutline({ draft }: { draft: CourseDraft }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const courseId = draft.course.id;
  const moveModule = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number; via: 'up' | 'down'; title: string }) =>
      unwrap(api.POST('/api/v1/modules/{id}/move', { params: { path: { id } }, body: { position } })),
    onSuccess: async (_, { id, position, via, title }) => {
      await queryClient.invalidateQueries({ queryKey: teachKeys.draft(courseId) });
      setAnnouncement(t`“${title}” is now module ${position} of ${draft.modules.length}.`);
      refocusMoveButton(id, via);
    },
  });
  if (draft.modules.length === 0) {
    return (
      <p className="meta">
        <Trans>No modules yet: add the first one below.</Trans>
      </p>
    );
  }
  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <FormAlert message={moveModule.error?.message} />
      <ol className="outline" aria-label={t`Modules`}>
        {draft.modules.map((module) => (
          <li key={module.id} className="outline-module">
            <div className="outline-item">
              <h3 className="outline-item-title">
                <Trans>
                  Module {module.position}: {module.title}
                </Trans>
              </h3>
              <MoveButtons
                id={module.id}
                title={module.title}
                position={module.position}
                count={draft.modules.length}
                isPending={moveModule.isPending}
                onMove={(position, via) => moveModule.mutate({ id: module.id, position, via, title: module.title })}
              />
            </div>
            <ModuleSettings module={module} draft={draft} />
            <ModuleLessons module={module} courseId={courseId} onMoved={setAnnouncement} />
            <ModuleAssessments module={module} courseId={courseId} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ModuleSettings({ module, draft }: { module: DraftModule; draft: CourseDraft }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [prerequisites, setPrerequisites] = useState<string[]>(module.prerequisiteModuleIds);
  const others = draft.modules.filter((m) => m.id !== module.id);
  const update = useMutation({
    mutationFn: (values: Record<string, string>) =>
      unwrap(
        api.PATCH('/api/v1/modules/{id}', {
          params: { path: { id: module.id } },
          body: { title: values.title, summary: values.summary ?? '', skillCodes: parseSkillCodes(values.skillCodes ?? ''), prerequisiteModuleIds: prerequisites },
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: teachKeys.draft(draft.course.id) });
    },
  });
  const errors = fieldErrorsOf(update.error);
  return (
    <details>
      <summary>
        <Trans>Settings of “{module.title}”: summary, skills, prerequisites</Trans>
      </summary>
      <Form onSubmit={(values) => (setSaved(false), update.mutate(values))} aria-label={t`Settings of “${module.title}”`}>
        <FormAlert message={update.error?.message} />
        <TextField name="title" label={t`Module title`} required maxLength={200} defaultValue={module.title} error={errors.title} />
        <TextArea name="summary" label={t`Module summary`} rows={2} maxLength={4000} defaultValue={module.summary} error={errors.summary} />
        <TextField
          name="skillCodes"
          label={t`Skills taught`}
          description={t`Skill codes of the course’s track, separated by commas, e.g. SQL-AGG, SQL-JOIN.`}
          defaultValue={module.skillCodes.join(', ')}
          error={errors.skillCodes}
        />
        {others.length > 0 && (
          <fieldset className="key-block">
            <legend>
              <Trans>Unlocks after completing</Trans>
            </legend>
            {others.map((other) => (
              <label key={other.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={prerequisites.includes(other.id)}
                  onChange={(event) =>
                    setPrerequisites((current) => (event.target.checked ? [...current, other.id] : current.filter((id) => id !== other.id)))
                  }
                />
                {other.title}
              </label>
            ))}
          </fieldset>
        )}
        <Button type="submit" variant="secondary" isPending={update.isPending}>
          <Trans>Save module settings</Trans>
        </Button>
        <p role="status" className="meta">
          {saved && !update.isPending ? <Trans>Module settings saved.</Trans> : null}
        </p>
      </Form>
    </details>
  );
}

function ModuleLessons({ module, courseId, onMoved }: { module: DraftModule; courseId: string; onMoved: (text: string) => void }) {
  const { t } = useLingui();
  const labels = useTeachLabels();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const move = useMutation({
    mutationFn: ({ id, position }: { id: string; position: number; via: 'up' | 'down'; title: string }) =>
      unwrap(api.POST('/api/v1/lessons/{id}/move', { params: { path: { id } }, body: { position } })),
    onSuccess: async (_, { id, position, via, title }) => {
      await queryClient.invalidateQueries({ queryKey: teachKeys.draft(courseId) });
      onMoved(t`“${title}” is now lesson ${position} of ${module.lessons.length}.`);
      refocusMoveButton(id, via);
    },
  });
  const add = useMutation({
    mutationFn: (values: Record<string, string>) =>
      unwrap<{ id: string }>(
        // A new lesson starts as an empty article or lab; the editor adds its text (or turns it into a video or a link, with their address).
        api.POST('/api/v1/modules/{id}/lessons', { params: { path: { id: module.id } }, body: { title: values.title ?? '', kind: values.kind === 'lab' ? 'lab' : 'article', body: '' } }),
      ),
    onSuccess: async (lesson) => {
      await queryClient.invalidateQueries({ queryKey: teachKeys.draft(courseId) });
      await navigate({ to: '/teach/courses/$courseId/lessons/$lessonId', params: { courseId, lessonId: lesson.id } });
    },
  });
  return (
    <section aria-label={t`Lessons of “${module.title}”`}>
      <h4>
        <Trans>Lessons</Trans>
      </h4>
      <FormAlert message={move.error?.message} />
      {module.lessons.length === 0 ? (
        <p className="meta">
          <Trans>No lessons yet.</Trans>
        </p>
      ) : (
        <ol className="outline-items">
          {module.lessons.map((lesson) => (
            <li key={lesson.id} className="outline-item">
              <span className="outline-item-title">
                <Link to="/teach/courses/$courseId/lessons/$lessonId" params={{ courseId, lessonId: lesson.id }}>
                  {lesson.title}
                </Link>{' '}
                <span className="meta">({labels.lessonKind(lesson.kind)})</span>
              </span>
              <MoveButtons
                id={lesson.id}
                title={lesson.title}
                position={lesson.position}
                count={module.lessons.length}
                isPending={move.isPending}
                onMove={(position, via) => move.mutate({ id: lesson.id, position, via, title: lesson.title })}
              />
            </li>
          ))}
        </ol>
      )}
      <Form onSubmit={(values) => add.mutate(values)} aria-label={t`Add a lesson to “${module.title}”`}>
        <FormAlert message={add.error?.message} />
        <TextField name="title" label={t`New lesson title`} required maxLength={200} error={fieldErrorsOf(add.error).title} />
        <SelectField name="kind" label={t`Lesson kind`} defaultValue="article">
          {['article', 'lab'].map((kind) => (
            <option key={kind} value={kind}>
              {labels.lessonKind(kind)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" isPending={add.isPending}>
          <Trans>Add lesson</Trans>
        </Button>
      </Form>
    </section>
  );
}

function ModuleAssessments({ module, courseId }: { module: DraftModule; courseId: string }) {
  const { t } = useLingui();
  const labels = useTeachLabels();
  const navigate = useNavigate();
  const assessments = useQuery(moduleAssessmentsQuery(module.id));
  return (
    <section aria-label={t`Assessments of “${module.title}”`}>
      <h4>
        <Trans>Assessments</Trans>
      </h4>
      {assessments.data && assessments.data.length > 0 ? (
        <ul className="outline-items">
          {assessments.data.map((assessment) => (
            <li key={assessment.id} className="outline-item">
              <span className="outline-item-title">
                <Link to="/teach/courses/$courseId/assessments/$assessmentId" params={{ courseId, assessmentId: assessment.id }}>
                  {assessment.title}
                </Link>{' '}
                <span className="meta">({labels.kind(assessment.kind)})</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">{assessments.isPending ? <Trans>Loading assessments…</Trans> : <Trans>No assessments yet.</Trans>}</p>
      )}
      <Form
        onSubmit={(values) =>
          void navigate({ to: '/teach/courses/$courseId/modules/$moduleId/assessments/new', params: { courseId, moduleId: module.id }, search: { kind: values.kind } })
        }
        aria-label={t`Add an assessment to “${module.title}”`}
      >
        <SelectField name="kind" label={t`Assessment kind`} defaultValue="quiz">
          {ASSESSMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {labels.kind(kind)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          <Trans>Author an assessment</Trans>
        </Button>
      </Form>
    </section>
  );
}
