import { Injectable, Logger } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
import { enrollmentView, ViewedEnrollment } from './enrollments.service';
import { ProgressReader } from './progress-reader.service';
import { EnrollmentProgressView } from './dto/enrollment-views.dto';

const VIEWED_COLUMNS = `id, cohort_id AS "cohortId", trainee_id AS "traineeId", course_version_id AS "courseVersionId", status, source,
  enrolled_at AS "enrolledAt", withdrawn_at AS "withdrawnAt", withdrawal_reason AS "withdrawalReason", completed_at AS "completedAt",
  last_activity_at AS "lastActivityAt", percent_complete AS "percentComplete"`;

/** GET /me/enrollments' list: a named statement (parsed once per pooled connection). */
const OWN_ENROLLMENTS = namedStatement('cohort:own-enrollments', `SELECT ${VIEWED_COLUMNS} FROM enrollment WHERE trainee_id = $1 ORDER BY enrolled_at DESC`);

/** A trainee's own enrollments with live progress: modules (locked, open, done), due dates, what is next. */
@Injectable()
export class TraineeProgress {
  private readonly logger = new Logger(TraineeProgress.name);

  constructor(
    private readonly reads: DirectReads,
    private readonly reader: ProgressReader,
  ) {}

  async enrollmentsOf(traineeId: string): Promise<EnrollmentProgressView[]> {
    // Plain SQL into the entity's shape, on the pool (DirectReads): the trainee home reads this on every visit (issue 23's profile).
    // Only the columns the answer shows (the progress figures are computed live below).
    const enrollments = await this.reads.query<ViewedEnrollment>(OWN_ENROLLMENTS, [traineeId]);
    const described: EnrollmentProgressView[] = [];
    for (const enrollment of enrollments) {
      const view = await this.describe(enrollment);
      if (view) described.push(view);
    }
    return described;
  }

  /**
   * Null when the enrollment's course version cannot be read: versions are never deleted (database
   * triggers), so that is a broken database, logged, and the enrollment is left out rather than
   * answered without its cohort and course, which every client needs.
   */
  private async describe(enrollment: ViewedEnrollment): Promise<EnrollmentProgressView | null> {
    const loaded = await this.reader.load(enrollment);
    const base = enrollmentView(enrollment);
    if (!loaded) {
      this.logger.error(`enrollment ${enrollment.id}: course version ${enrollment.courseVersionId} cannot be read; left out of the trainee's enrollments`);
      return null;
    }
    const { cohort, outline, progress } = loaded;
    return {
      ...base,
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
        completedLessonIds: outline.modules.find((o) => o.moduleId === m.moduleId)!.lessons.filter((l) => loaded.facts.doneLessons.has(l.lessonId)).map((l) => l.lessonId),
        assessments: m.dueDates.map((d) => ({ ...d, dueAt: d.dueAt?.toISOString() ?? null })),
      })),
      next: progress.next,
    };
  }
}
