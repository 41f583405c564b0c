import { Link, useParams } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { Skeleton } from '../../shared/states/skeleton';
import { ErrorState, useErrorMessage } from '../../shared/states/error-state';
import { Button } from '../../shared/ui/button';
import { FormAlert } from '../../shared/ui/form-alert';
import type { Enrollment } from '../../shared/api/resources/enrollments';
import { useEnrollmentWithOutline } from './use-enrollment';
import { lessonQuery, useCompleteLesson } from './learning.queries';
import { neighbours } from './lesson-sequence';
import { lockReason } from './module-lock';
import { ModuleLockNote } from './module-lock-note';
import type { CourseVersion, Lesson } from './learning.types';

export function LessonScreen() {
  const { t } = useLingui();
  const { enrollmentId, lessonId } = useParams({ from: '/signed-in/learning/$enrollmentId/lessons/$lessonId' });
  const context = useEnrollmentWithOutline(enrollmentId);
  const course = context.enrollment?.course;
  const lesson = useQuery({ ...lessonQuery(course?.courseId ?? '', course?.version ?? 0, lessonId), enabled: !!course });
  const pending = context.isPending || (!!course && lesson.isPending);
  const error = context.error ?? lesson.error;
  return (
    <Screen
      title={lesson.data?.title ?? t`Lesson`}
      before={
        <Link to="/learning/$enrollmentId" params={{ enrollmentId }} className="back-link">
          {course?.title ?? <Trans>Course outline</Trans>}
        </Link>
      }
    >
      {pending ? (
        <Skeleton lines={8} onRetry={() => void lesson.refetch()} />
      ) : error || !context.enrollment || !context.outline || !lesson.data ? (
        <ErrorState error={error} onRetry={() => void lesson.refetch()} />
      ) : (
        <LessonBody key={lesson.data.lessonId} enrollment={context.enrollment} version={context.outline} lesson={lesson.data} />
      )}
    </Screen>
  );
}

function LessonBody({ enrollment, version, lesson }: { enrollment: Enrollment; version: CourseVersion; lesson: Lesson }) {
  const { t } = useLingui();
  const errorMessage = useErrorMessage();
  const complete = useCompleteLesson();
  const state = enrollment.modules.find((m) => m.moduleId === lesson.moduleId);
  const reason = state ? lockReason(state, version.outline.modules, enrollment.modules) : null;
  const done = state?.completedLessonIds.includes(lesson.lessonId) ?? false;
  const { previous, next } = neighbours(version.outline.modules, lesson.lessonId);
  const minutes = lesson.durationSeconds ? Math.max(1, Math.round(lesson.durationSeconds / 60)) : null;
  return (
    <article>
      {reason && <ModuleLockNote reason={reason} />}
      {lesson.videoUrl && (
        <p>
          <a href={lesson.videoUrl} target="_blank" rel="noopener noreferrer" className="button button-secondary">
            {minutes ? <Trans>Watch the video ({minutes} min, opens in a new tab)</Trans> : <Trans>Watch the video (opens in a new tab)</Trans>}
          </a>
        </p>
      )}
      {lesson.externalUrl && (
        <p>
          <a href={lesson.externalUrl} target="_blank" rel="noopener noreferrer" className="button button-secondary">
            <Trans>Open the resource (opens in a new tab)</Trans>
          </a>
        </p>
      )}
      {/* Sanitised by the server (an allow-list) each time it renders the Markdown. */}
      {lesson.bodyHtml && <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} />}
      {lesson.environmentNotesHtml && (
        <section className="section" aria-labelledby="lab-environment">
          <h2 id="lab-environment">
            <Trans>Lab environment</Trans>
          </h2>
          <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.environmentNotesHtml }} />
        </section>
      )}
      <div className="lesson-actions">
        <FormAlert message={complete.isError ? errorMessage(complete.error) : undefined} />
        {done || complete.isSuccess ? (
          <p className="done-note" role="status">
            <Trans>You have finished this lesson.</Trans>
          </p>
        ) : (
          !reason && (
            <Button onClick={() => complete.mutate(lesson.lessonId)} isPending={complete.isPending}>
              <Trans>Mark as done</Trans>
            </Button>
          )
        )}
      </div>
      <nav className="pager" aria-label={t`Lessons`}>
        {previous && (
          <Link to="/learning/$enrollmentId/lessons/$lessonId" params={{ enrollmentId: enrollment.id, lessonId: previous.lessonId }} className="button button-secondary" rel="prev">
            <Trans>Previous: {previous.title}</Trans>
          </Link>
        )}
        {next && (
          <Link to="/learning/$enrollmentId/lessons/$lessonId" params={{ enrollmentId: enrollment.id, lessonId: next.lessonId }} className="button" rel="next">
            <Trans>Next: {next.title}</Trans>
          </Link>
        )}
      </nav>
    </article>
  );
}
