import { Link } from '@tanstack/react-router';
import { Trans } from '@lingui/react/macro';
import type { Enrollment } from '../../shared/api/resources/enrollments';

/** "Continue where you left off": the next lesson or assessment the server computed for this enrollment. */
export function ContinueCard({ enrollment }: { enrollment: Enrollment }) {
  const next = enrollment.next;
  const module = enrollment.modules.find((m) => m.moduleId === next?.moduleId);
  return (
    <section className="card card-highlight" aria-label={enrollment.course.title}>
      <p className="meta">{enrollment.course.title}</p>
      {next?.lessonId ? (
        <Link to="/learning/$enrollmentId/lessons/$lessonId" params={{ enrollmentId: enrollment.id, lessonId: next.lessonId }} className="button">
          <Trans>Continue where you left off</Trans>
        </Link>
      ) : next?.assessmentId ? (
        <Link to="/assessments/$assessmentId" params={{ assessmentId: next.assessmentId }} className="button">
          <Trans>Continue: take the assessment</Trans>
        </Link>
      ) : (
        <Link to="/learning/$enrollmentId" params={{ enrollmentId: enrollment.id }} className="button button-secondary">
          <Trans>Open the course</Trans>
        </Link>
      )}
      {module && <p className="meta">{module.title}</p>}
    </section>
  );
}
