import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTeachParams } from './use-teach-params';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { QueryView } from '../../shared/states/query-view';
import { Form } from '../../shared/ui/form';
import { TextField } from '../../shared/ui/text-field';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { fieldErrorsOf } from '../../shared/ui/field-errors';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { useFormat } from '../../shared/i18n/use-format';
import { CourseFields, courseFieldsOf } from './course-fields';
import { CourseOutline } from './course-outline';
import { CoursePrerequisites } from './course-prerequisites';
import { courseDraftQuery, courseVersionsQuery, teachKeys } from './teach.queries';
import type { CourseDraft } from './teach.types';
import './teach.css';

/** Screen 2: a draft course's details, its outline (modules, lessons, assessments) and its versions. */
export function CourseBuilderScreen() {
  const { t } = useLingui();
  const { courseId } = useTeachParams('courseId');
  const draft = useQuery(courseDraftQuery(courseId));
  return (
    <Screen title={draft.data ? t`Build: ${draft.data.course.title}` : t`Course builder`} before={<Link to="/teach"><Trans>Back to Teaching</Trans></Link>}>
      <QueryView query={draft} lines={6}>
        {(data) => (
          <>
            <div className="button-row">
              <Link to="/teach/courses/$courseId/publish" params={{ courseId }} className="button button-primary">
                <Trans>Review and publish</Trans>
              </Link>
            </div>
            <CourseDetailsSection draft={data} />
            <CoursePrerequisites courseId={courseId} />
            <section className="section" aria-labelledby="outline-heading">
              <h2 id="outline-heading">
                <Trans>Outline</Trans>
              </h2>
              <CourseOutline draft={data} />
              <AddModuleForm courseId={courseId} />
            </section>
            <VersionsSection courseId={courseId} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}

function CourseDetailsSection({ draft }: { draft: CourseDraft }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const update = useMutation({
    mutationFn: (values: Record<string, string>) =>
      unwrap(api.PATCH('/api/v1/courses/{id}', { params: { path: { id: draft.course.id } }, body: courseFieldsOf(values) })),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: teachKeys.all });
    },
  });
  const errors = fieldErrorsOf(update.error);
  return (
    <details className="section">
      <summary>
        <Trans>Course details and track</Trans>
      </summary>
      <Form onSubmit={(values) => (setSaved(false), update.mutate(values))} aria-label={t`Course details`}>
        <FormAlert message={update.error?.message} />
        <p className="meta">
          <Trans>Code: {draft.course.code}</Trans>
        </p>
        <CourseFields course={draft.course} errors={errors} />
        <Button type="submit" isPending={update.isPending}>
          <Trans>Save details</Trans>
        </Button>
        <p role="status" className="meta">
          {saved && !update.isPending ? <Trans>Details saved.</Trans> : null}
        </p>
      </Form>
    </details>
  );
}

function AddModuleForm({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const add = useMutation({
    mutationFn: (title: string) => unwrap(api.POST('/api/v1/courses/{id}/modules', { params: { path: { id: courseId } }, body: { title } })),
    onSuccess: async () => {
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: teachKeys.draft(courseId) });
    },
  });
  return (
    <Form key={formKey} onSubmit={(values) => add.mutate(values.title ?? '')} aria-label={t`Add a module`}>
      <FormAlert message={add.error?.message} />
      <TextField name="title" label={t`New module title`} required maxLength={200} error={fieldErrorsOf(add.error).title} />
      <Button type="submit" variant="secondary" isPending={add.isPending}>
        <Trans>Add module</Trans>
      </Button>
    </Form>
  );
}

function VersionsSection({ courseId }: { courseId: string }) {
  const format = useFormat();
  const versions = useQuery(courseVersionsQuery(courseId));
  return (
    <section className="section" aria-labelledby="versions-heading">
      <h2 id="versions-heading">
        <Trans>Published versions</Trans>
      </h2>
      <p className="meta">
        <Trans>A published version never changes: a later fix, even a typo, is published as a new version. Cohorts keep the version they started with.</Trans>
      </p>
      <QueryView query={versions} isEmpty={(items) => items.length === 0} empty={<Trans>Not published yet.</Trans>}>
        {(items) => (
          <ul className="link-list">
            {items.map((version) => {
              const number = version.version;
              const when = format.dateTime(version.publishedAt);
              return (
                <li key={version.versionId}>
                  <Trans>
                    Version {number}, published {when}
                  </Trans>
                  {version.changeNote ? ` — ${version.changeNote}` : ''}{' '}
                  <Link to="/teach/courses/$courseId/versions/$versionId/criteria" params={{ courseId, versionId: version.versionId }}>
                    <Trans>Certification criteria of version {number}</Trans>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
