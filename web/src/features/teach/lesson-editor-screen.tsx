import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTeachParams } from './use-teach-params';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { TextField } from '../../shared/ui/text-field';
import { TextArea } from '../../shared/ui/text-area';
import { SelectField } from '../../shared/ui/select-field';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { draftLessonQuery, teachKeys } from './teach.queries';
import type { DraftLesson } from './teach.types';
import { useAutosave } from './use-autosave';
import { useUnsavedGuard } from './use-unsaved-guard';
import { SaveStatus } from './save-status';
import { useTeachLabels } from './teach-labels';
import './teach.css';

/** Screen 2 (lesson): the markdown editor, autosaved as a draft, beside the server's sanitised rendering. */
export function LessonEditorScreen() {
  const { t } = useLingui();
  const { courseId, lessonId } = useTeachParams('courseId', 'lessonId');
  const lesson = useQuery(draftLessonQuery(lessonId));
  return (
    <Screen
      title={lesson.data ? t`Lesson: ${lesson.data.title}` : t`Lesson`}
      before={
        <Link to="/teach/courses/$courseId" params={{ courseId }}>
          <Trans>Back to the course builder</Trans>
        </Link>
      }
    >
      <QueryView query={lesson} lines={8}>
        {(data) => <LessonEditor key={data.id} lesson={data} courseId={courseId} />}
      </QueryView>
    </Screen>
  );
}

interface LessonFields {
  title: string;
  kind: DraftLesson['kind'];
  body: string;
  videoUrl: string;
  durationMinutes: string;
  externalUrl: string;
  environmentNotes: string;
}

const fieldsOf = (lesson: DraftLesson): LessonFields => ({
  title: lesson.title,
  kind: lesson.kind,
  body: lesson.body ?? '',
  videoUrl: lesson.videoUrl ?? '',
  durationMinutes: lesson.durationSeconds ? String(Math.round(lesson.durationSeconds / 60)) : '',
  externalUrl: lesson.externalUrl ?? '',
  environmentNotes: lesson.environmentNotes ?? '',
});

function LessonEditor({ lesson, courseId }: { lesson: DraftLesson; courseId: string }) {
  const { t } = useLingui();
  const labels = useTeachLabels();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(() => fieldsOf(lesson));
  const [html, setHtml] = useState(lesson.bodyHtml ?? '');
  const autosave = useAutosave(fields, async (value) => {
    const saved = await unwrap<DraftLesson>(
      api.PATCH('/api/v1/lessons/{id}', {
        params: { path: { id: lesson.id } },
        body: {
          title: value.title,
          kind: value.kind,
          body: value.body,
          videoUrl: value.kind === 'video' ? value.videoUrl || null : null,
          durationSeconds: value.kind === 'video' && Number(value.durationMinutes) > 0 ? Math.round(Number(value.durationMinutes) * 60) : null,
          externalUrl: value.kind === 'external' ? value.externalUrl || null : null,
          environmentNotes: value.environmentNotes || null,
        },
      }),
    );
    setHtml(saved.bodyHtml ?? '');
    queryClient.setQueryData(teachKeys.lesson(lesson.id), saved);
    void queryClient.invalidateQueries({ queryKey: teachKeys.draft(courseId) });
  });
  useUnsavedGuard(autosave.dirty);
  const errors = fieldErrorsOf(autosave.error);
  const set = (name: keyof LessonFields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [name]: event.target.value }));
  return (
    <>
      <SaveStatus status={autosave.status} error={autosave.error} />
      <div className="form">
        <TextField name="title" label={t`Lesson title`} required maxLength={200} value={fields.title} onChange={set('title')} error={errors.title} />
        <SelectField name="kind" label={t`Lesson kind`} value={fields.kind} onChange={set('kind')} error={errors.kind}>
          {['article', 'video', 'lab', 'external'].map((kind) => (
            <option key={kind} value={kind}>
              {labels.lessonKind(kind)}
            </option>
          ))}
        </SelectField>
        {fields.kind === 'video' && (
          <>
            <TextField name="videoUrl" label={t`Video address`} type="url" value={fields.videoUrl} onChange={set('videoUrl')} error={errors.videoUrl} />
            <TextField
              name="durationMinutes"
              label={t`Video length in minutes`}
              inputMode="decimal"
              value={fields.durationMinutes}
              onChange={set('durationMinutes')}
              error={errors.durationSeconds}
            />
          </>
        )}
        {fields.kind === 'external' && (
          <TextField name="externalUrl" label={t`Resource address`} type="url" value={fields.externalUrl} onChange={set('externalUrl')} error={errors.externalUrl} />
        )}
      </div>
      <div className="editor-split">
        <TextArea
          name="body"
          label={t`Lesson text (Markdown)`}
          description={t`Saved as a draft while you type. Trainees see it only after you publish.`}
          className="field-code"
          rows={16}
          maxLength={200_000}
          value={fields.body}
          onChange={set('body')}
          error={errors.body}
        />
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">
            <Trans>Preview</Trans>
          </h2>
          {/* The server renders and sanitises the Markdown (the same rendering trainees get); never the raw input. */}
          <div className="preview lesson-body" aria-live="polite" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      </div>
      {fields.kind === 'lab' && (
        <TextArea
          name="environmentNotes"
          label={t`Lab environment notes (Markdown)`}
          rows={5}
          maxLength={20_000}
          value={fields.environmentNotes}
          onChange={set('environmentNotes')}
          error={errors.environmentNotes}
        />
      )}
    </>
  );
}
