import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { QueryView } from '../../shared/states/query-view';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import { api } from '../../shared/api/client';
import { unwrap } from '../../shared/api/unwrap';
import { courseDetailQuery, teachCoursesQuery, teachKeys } from './teach.queries';
import type { TeachCourse } from './teach.types';

/** Other courses that can be asked for first: published ones (a draft cannot be completed), never itself. */
export function prerequisiteCandidates(courses: TeachCourse[], courseId: string): TeachCourse[] {
  return courses.filter((c) => c.id !== courseId && c.latestVersion > 0).sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Course prerequisites: the courses a trainee completes before this one, one checkbox each, saved
 * together. The API refuses a cycle (this course required, through others, by one it requires) and
 * the screen shows its answer.
 */
export function CoursePrerequisites({ courseId }: { courseId: string }) {
  const detail = useQuery(courseDetailQuery(courseId));
  const catalogue = useQuery(teachCoursesQuery(false));
  // The form is keyed by the course only: keyed by the saved ids, it remounted when its own save
  // changed them and lost the "saved" status it had to show.
  return (
    <details className="section">
      <summary>
        <Trans>Course prerequisites</Trans>
      </summary>
      <QueryView query={detail} lines={2}>
        {(d) => (
          <QueryView query={catalogue} lines={3}>
            {(courses) => <PrerequisitesForm key={courseId} courseId={courseId} initial={d.prerequisiteCourseIds} candidates={prerequisiteCandidates(courses, courseId)} />}
          </QueryView>
        )}
      </QueryView>
    </details>
  );
}

function PrerequisitesForm({ courseId, initial, candidates }: { courseId: string; initial: string[]; candidates: TeachCourse[] }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(initial));
  const save = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/courses/{id}/prerequisites', { params: { path: { id: courseId } }, body: { courseIds: [...chosen] } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.detail(courseId) }),
  });
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  if (candidates.length === 0) {
    return (
      <p className="meta">
        <Trans>No other published course can be asked for first yet.</Trans>
      </p>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <fieldset className="fieldset">
        <legend>{t`Courses to complete before this one`}</legend>
        {candidates.map((course) => (
          <div key={course.id} className="prerequisite-choice">
            <label>
              <input type="checkbox" checked={chosen.has(course.id)} onChange={() => toggle(course.id)} /> {course.title} ({course.code})
            </label>
          </div>
        ))}
      </fieldset>
      <FormAlert message={save.error?.message} />
      <Button type="submit" variant="secondary" isPending={save.isPending}>
        <Trans>Save prerequisites</Trans>
      </Button>
      <p role="status" className="meta">
        {save.isSuccess && !save.isPending ? <Trans>Prerequisites saved.</Trans> : null}
      </p>
    </form>
  );
}
