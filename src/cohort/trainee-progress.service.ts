import { Injectable, Logger } from '@nestjs/common';
import { enrollmentView, ViewedEnrollment } from './enrollments.service';
import type { CourseVersionOutline } from '../course/published-course-versions.contract';
import { LoadedProgress, progressFactsOfTrainee, ProgressReader } from './progress-reader.service';
import { EnrollmentProgressView } from './dto/enrollment-views.dto';

const VIEWED_COLUMNS = `e.id, e.cohort_id AS "cohortId", e.trainee_id AS "traineeId", e.course_version_id AS "courseVersionId", e.status, e.source,
  e.enrolled_at AS "enrolledAt", e.withdrawn_at AS "withdrawnAt", e.withdrawal_reason AS "withdrawalReason", e.completed_at AS "completedAt",
  e.last_activity_at AS "lastActivityAt", e.percent_complete AS "percentComplete"`;

/** GET /me/enrollments: every enrollment of the trainee with its progress facts, one named statement. */
export const OWN_ENROLLMENTS_WITH_FACTS = progressFactsOfTrainee('cohort:own-enrollments-with-facts', VIEWED_COLUMNS);

/** A trainee's own enrollments with live progress: modules (locked, open, done), due dates, what is next. */
@Injectable()
export class TraineeProgress {
  private readonly logger = new Logger(TraineeProgress.name);

  constructor(private readonly reader: ProgressReader) {}

  async enrollmentsOf(traineeId: string): Promise<EnrollmentProgressView[]> {
    // One statement for the enrollments and what their progress is computed from (issue 23's profile: the trainee home reads
    // this on every visit). Only the columns the answer shows (the progress figures are computed live).
    const described: EnrollmentProgressView[] = [];
    for (const { enrollment, loaded } of await this.reader.loadAllOf<ViewedEnrollment>(OWN_ENROLLMENTS_WITH_FACTS, traineeId)) {
      const view = this.describe(enrollment, loaded);
      if (view) described.push(view);
    }
    return described;
  }

  /**
   * Null when the enrollment's course version cannot be read: versions are never deleted (database
   * triggers), so that is a broken database, logged, and the enrollment is left out rather than
   * answered without its cohort and course, which every client needs.
   */
  private describe(enrollment: ViewedEnrollment, loaded: LoadedProgress | null): EnrollmentProgressView | null {
    if (!loaded) {
      this.logger.error(`enrollment ${enrollment.id}: course version ${enrollment.courseVersionId} cannot be read; left out of the trainee's enrollments`);
      return null;
    }
    // The enrollment's view with its progress written into it (keys in enrollmentView's order, then
    // the progress): one object, no spread copy (the trainee home reads this on every visit; issue 23,
    // bench/findings/gap.md).
    const { cohort, outline, progress } = loaded;
    const doneLessons = loaded.facts.doneLessons;
    return Object.assign(enrollmentView(enrollment), {
      percentComplete: progress.percentComplete,
      lessonsDone: progress.lessonsDone,
      modulesDone: progress.modulesDone,
      cohort: { id: cohort.id, name: cohort.name, status: cohort.status, startsAt: cohort.startsAt.toISOString(), endsAt: cohort.endsAt.toISOString() },
      course: { versionId: outline.versionId, courseId: outline.courseId, title: outline.courseTitle, code: outline.courseCode, version: outline.version },
      modules: progress.modules.map((m) => ({
        moduleId: m.moduleId,
        title: m.title,
        position: m.position,
        status: m.status,
        opensAt: m.opensAt.toISOString(),
        lessonsDone: m.lessonsDone,
        lessonsTotal: m.lessonsTotal,
        completedLessonIds: completedLessonIds(outline, m.moduleId, doneLessons),
        assessments: m.dueDates.map((d) => ({ assessmentId: d.assessmentId, title: d.title, dueAt: d.dueAt?.toISOString() ?? null, passed: d.passed })),
      })),
      next: progress.next,
    });
  }
}

/** The module's lessons done, in outline order. */
function completedLessonIds(outline: CourseVersionOutline, moduleId: string, doneLessons: Set<string>): string[] {
  const ids: string[] = [];
  for (const module of outline.modules) {
    if (module.moduleId !== moduleId) continue;
    for (const lesson of module.lessons) if (doneLessons.has(lesson.lessonId)) ids.push(lesson.lessonId);
    break;
  }
  return ids;
}
