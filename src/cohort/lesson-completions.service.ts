import { Injectable } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
import { notFound, unprocessable } from '@gds/http';
import { embeddedJobSql, Outbox } from '@gds/queue';
import { Enrollment } from './enrollment.entity';
import { ActiveEnrollmentWithLesson, LoadedProgress, ProgressReader } from './progress-reader.service';
import { LessonCompletionView } from './dto/enrollment-views.dto';

export { LessonCompletionView };

type EnrollmentKeys = Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>;

/** Reads and statements before giving up with the 404 a vanished enrollment gets: each retry means a move or stop committed in between. */
const MAX_ATTEMPTS = 3;

/** The completion's `recompute-progress` row, written by the completion's own statement (Outbox.embed). */
const COMPLETION_JOB = { firstParam: 5, when: 'inserted' } as const;
const COMPLETION_JOB_SQL = embeddedJobSql(COMPLETION_JOB);

/**
 * A named statement (parsed once per pooled connection), declared once here: its text is fixed, the
 * outbox CTE's included (it depends on COMPLETION_JOB only, which `record` passes to embed too).
 */
const RECORD_COMPLETION = namedStatement(
  'cohort:record-lesson-completion',
  `WITH locked AS (
     SELECT e.id FROM enrollment e
      WHERE e.id = $1 AND e.status = 'active' AND e.course_version_id = $4
        AND EXISTS (SELECT 1 FROM cohort c WHERE c.id = e.cohort_id AND c.status = 'running')
        FOR NO KEY UPDATE
   ), inserted AS (
     INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id) SELECT id, $2, $3 FROM locked
     ON CONFLICT (enrollment_id, lesson_id) DO NOTHING RETURNING completed_at
   ), touched AS (
     UPDATE enrollment SET last_activity_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM inserted)
   ), ${COMPLETION_JOB_SQL.cte}
   SELECT EXISTS (SELECT 1 FROM locked) AS active,
          (SELECT completed_at FROM inserted) AS "insertedAt",
          (SELECT completed_at FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2) AS "existingAt",
          CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN ${COMPLETION_JOB_SQL.notify} END AS woken`,
);

/**
 * A trainee marks a lesson done: only a lesson of the course of their own active enrollment, in a
 * module open to them. The row and the `recompute-progress` event commit together.
 *
 * Issue 23 (the load run): no transaction. The checks read on the pool (as they did, under READ
 * COMMITTED, before the lock was taken), then one statement locks the enrollment, writes the row,
 * touches the enrollment and writes the outbox row — atomic as any single statement — instead of
 * BEGIN, seven statements and COMMIT on a connection held across every event-loop wait between them.
 * A lesson done before is answered from the read alone: no lock, no write (the load run repeats completions).
 */
@Injectable()
export class LessonCompletions {
  constructor(
    private readonly reads: DirectReads,
    private readonly reader: ProgressReader,
    private readonly outbox: Outbox,
  ) {}

  async complete(traineeId: string, lessonId: string): Promise<LessonCompletionView> {
    for (let attempt = 1; ; attempt++) {
      const { enrollment, moduleId, loaded } = await this.findEnrollmentOf(traineeId, lessonId);
      if (loaded.cohort.status !== 'running') throw unprocessable('cohort-not-running', 'Lessons can be completed only while the cohort runs.');
      const state = loaded.progress.modules.find((m) => m.moduleId === moduleId)!;
      if (state.status === 'locked') {
        throw unprocessable('lesson-locked', 'This lesson’s module is not open to you yet.', { opensAt: state.opensAt.toISOString() });
      }
      // Done before (a retried request, a second tab): the read that found the enrollment answers it.
      // Nothing is written, so there is nothing to order against a move or stop committing after the
      // read: the answer is the one a request just before that commit got, as it was without this.
      if (enrollment.lessonCompletedAt) {
        return { lessonId, moduleId, enrollmentId: enrollment.id, completedAt: enrollment.lessonCompletedAt.toISOString(), alreadyCompleted: true };
      }
      const done = await this.record(enrollment, lessonId, moduleId);
      // The read is stale (a version move or the cohort's stop committed since): read again and answer
      // as the read now does — 404, 422, or the completion under the version the enrollment moved to.
      if (!done.active) {
        if (attempt < MAX_ATTEMPTS) continue;
        throw notFound('Lesson');
      }
      const completedAt = done.insertedAt ?? done.existingAt ?? (await this.completedAt(enrollment.id, lessonId));
      return { lessonId, moduleId, enrollmentId: enrollment.id, completedAt: completedAt.toISOString(), alreadyCompleted: !done.insertedAt };
    }
  }

  /**
   * The enrollment row is locked first (as every progress write does), then rows that refer to it:
   * no lock upgrades, no deadlocks. The statement writes only while what the reads decided from
   * still holds: the enrollment active on the version whose outline gave the lesson's module (a
   * version move updates this row, so a move committed while the lock waited is seen by the recheck
   * of this row) and the cohort running. Otherwise it writes nothing and `active` is false. The
   * cohort is read, not locked: a stop committing during this one statement is ordered after it (the
   * stop reads no completion); a KEY SHARE lock per completion on the cohort's one row would turn
   * every concurrent completion of a cohort into MultiXact traffic on the hot path. The
   * last_activity_at touch and the event only for a first completion.
   */
  private async record(enrollment: EnrollmentKeys, lessonId: string, moduleId: string): Promise<{ active: boolean; insertedAt: Date | null; existingAt: Date | null }> {
    const job = this.outbox.embed('recompute-progress', { enrollmentId: enrollment.id }, { ...COMPLETION_JOB, ownStatement: true });
    const [row] = await this.reads.write<{ active: boolean; insertedAt: Date | null; existingAt: Date | null }>(RECORD_COMPLETION, [
      enrollment.id,
      lessonId,
      moduleId,
      enrollment.courseVersionId,
      ...job.params,
    ]);
    return row;
  }

  /**
   * A completion that another request committed while this statement waited for the enrollment's
   * lock: the conflict saw it, the statement's snapshot (taken before the wait) did not.
   */
  private async completedAt(enrollmentId: string, lessonId: string): Promise<Date> {
    const [row] = await this.reads.query<{ completed_at: Date }>('SELECT completed_at FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2', [enrollmentId, lessonId]);
    return row.completed_at;
  }

  /**
   * The newest active enrollment whose course version holds the lesson, with its progress (one
   * statement for all of the trainee's active enrollments); 404 when none (not theirs to complete).
   */
  private async findEnrollmentOf(traineeId: string, lessonId: string): Promise<{ enrollment: ActiveEnrollmentWithLesson; moduleId: string; loaded: LoadedProgress }> {
    for (const { enrollment, loaded } of await this.reader.loadActiveOf(traineeId, lessonId)) {
      const module = loaded.outline.modules.find((m) => m.lessons.some((l) => l.lessonId === lessonId));
      if (module) return { enrollment, moduleId: module.moduleId, loaded };
    }
    throw notFound('Lesson');
  }
}
