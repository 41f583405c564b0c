import { Link, useParams } from '@tanstack/react-router';
import { Trans, useLingui } from '@lingui/react/macro';
import { Screen } from '../../shared/layout/screen';
import { Skeleton } from '../../shared/states/skeleton';
import { ErrorState } from '../../shared/states/error-state';
import { ProgressBar } from '../../shared/ui/progress-bar';
import { useFormat } from '../../shared/i18n/use-format';
import type { Enrollment } from '../../shared/api/resources/enrollments';
import { useEnrollmentWithOutline } from './use-enrollment';
import { lockReason } from './module-lock';
import { ModuleLockNote } from './module-lock-note';
import type { CourseVersion } from './learning.types';

export function CourseOutlineScreen() {
  const { t } = useLingui();
  const { enrollmentId } = useParams({ from: '/signed-in/learning/$enrollmentId' });
  const { enrollment, outline, isPending, error, refetch } = useEnrollmentWithOutline(enrollmentId);
  const title = enrollment?.course.title ?? t`Course`;
  return (
    <Screen
      title={title}
      before={
        <Link to="/learning" className="back-link">
          <Trans>All your courses</Trans>
        </Link>
      }
    >
      {isPending ? <Skeleton lines={6} onRetry={refetch} /> : error || !enrollment || !outline ? <ErrorState error={error} onRetry={refetch} /> : <Outline enrollment={enrollment} version={outline} />}
    </Screen>
  );
}

function Outline({ enrollment, version }: { enrollment: Enrollment; version: CourseVersion }) {
  const { t } = useLingui();
  const format = useFormat();
  const progress = enrollment.modules;
  const next = enrollment.next;
  return (
    <>
      <p className="meta">{enrollment.cohort.name}</p>
      <ProgressBar value={enrollment.percentComplete} label={t`Course progress`} />
      {next?.lessonId && (
        <p>
          <Link to="/learning/$enrollmentId/lessons/$lessonId" params={{ enrollmentId: enrollment.id, lessonId: next.lessonId }} className="button">
            <Trans>Continue where you left off</Trans>
          </Link>
        </p>
      )}
      {[...version.outline.modules]
        .sort((a, b) => a.position - b.position)
        .map((module) => {
          const state = progress.find((m) => m.moduleId === module.moduleId);
          const reason = state ? lockReason(state, version.outline.modules, progress) : null;
          const done = new Set(state?.completedLessonIds ?? []);
          return (
            <section key={module.moduleId} className="section card" aria-labelledby={`module-${module.moduleId}`}>
              <h2 id={`module-${module.moduleId}`} className="card-title">
                {module.title} <ModuleStatusPill status={state?.status} />
              </h2>
              {module.summary && <p>{module.summary}</p>}
              {reason && <ModuleLockNote reason={reason} />}
              <ul className="outline-list">
                {[...module.lessons]
                  .sort((a, b) => a.position - b.position)
                  .map((lesson) => (
                    <li key={lesson.lessonId}>
                      <Link to="/learning/$enrollmentId/lessons/$lessonId" params={{ enrollmentId: enrollment.id, lessonId: lesson.lessonId }}>
                        {lesson.title}
                      </Link>
                      {done.has(lesson.lessonId) && (
                        <span className="done-mark">
                          {' '}
                          <Trans>(done)</Trans>
                        </span>
                      )}
                    </li>
                  ))}
                {module.assessments.map((assessment) => {
                  const result = state?.assessments.find((a) => a.assessmentId === assessment.assessmentId);
                  const due = format.date(result?.dueAt);
                  return (
                    <li key={assessment.assessmentId}>
                      <Link to="/assessments/$assessmentId" params={{ assessmentId: assessment.assessmentId }}>
                        {assessment.title}
                      </Link>{' '}
                      <span className="meta">
                        {result?.passed ? <Trans>(passed)</Trans> : assessment.required ? <Trans>(required)</Trans> : <Trans>(optional)</Trans>}
                        {due && (
                          <>
                            {' '}
                            <Trans>due {due}</Trans>
                          </>
                        )}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
    </>
  );
}

function ModuleStatusPill({ status }: { status: string | undefined }) {
  if (status === 'done')
    return (
      <span className="status-pill status-done">
        <Trans>Done</Trans>
      </span>
    );
  if (status === 'locked')
    return (
      <span className="status-pill status-locked">
        <Trans>Locked</Trans>
      </span>
    );
  return (
    <span className="status-pill">
      <Trans>Open</Trans>
    </span>
  );
}
