import { Injectable } from '@nestjs/common';
import { DirectReads } from '@gds/database';
import { notFound, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Enrollment } from './enrollment.entity';
import { LoadedProgress, ProgressReader } from './progress-reader.service';
import { LessonCompletionView } from './dto/enrollment-views.dto';

export { LessonCompletionView };

type EnrollmentKeys = Pick<Enrollment, 'id' | 'cohortId' | 'courseVersionId'>;

/**
 * A trainee marks a lesson done: only a lesson of the course of their own active enrollment, in a
 * module open to them. The row and the `recompute-progress` event commit together.
 *
 * Issue 23 (the load run): no transaction. The checks read on the pool (as they did, under READ
 * COMMITTED, before the lock was taken), then one statement locks the enrollment, writes the row,
 * touches the enrollment and writes the outbox row — atomic as any single statement — instead of
 * BEGIN, seven statements and COMMIT on a connection held across every event-loop wait between them.
 */
@Injectable()
export class LessonCompletions {
  constructor(
    private readonly reads: DirectReads,
    private readonly reader: ProgressReader,
    private readonly outbox: Outbox,
  ) {}

  async complete(traineeId: string, lessonId: string): Promise<LessonCompletionView> {
    const { enrollment, moduleId, loaded } = await this.findEnrollmentOf(traineeId, lessonId);
    if (loaded.cohort.status !== 'running') throw unprocessable('cohort-not-running', 'Lessons can be completed only while the cohort runs.');
    const state = loaded.progress.modules.find((m) => m.moduleId === moduleId)!;
    if (state.status === 'locked') {
      throw unprocessable('lesson-locked', 'This lesson’s module is not open to you yet.', { opensAt: state.opensAt.toISOString() });
    }
    const done = await this.record(enrollment.id, lessonId, moduleId);
    const completedAt = done.insertedAt ?? done.existingAt ?? (await this.completedAt(enrollment.id, lessonId));
    return { lessonId, moduleId, enrollmentId: enrollment.id, completedAt: completedAt.toISOString(), alreadyCompleted: !done.insertedAt };
  }

  /**
   * The enrollment row is locked first (as every progress write does), then rows that refer to it:
   * no lock upgrades, no deadlocks. A withdrawn enrollment (between the reads and here) writes
   * nothing and answers 404. The last_activity_at touch and the event only for a first completion.
   */
  private async record(enrollmentId: string, lessonId: string, moduleId: string): Promise<{ insertedAt: Date | null; existingAt: Date | null }> {
    const job = this.outbox.embed('recompute-progress', { enrollmentId }, { firstParam: 4, when: 'inserted', ownStatement: true });
    const [row] = await this.reads.write<{ active: boolean; insertedAt: Date | null; existingAt: Date | null }>(
      `WITH locked AS (
         SELECT id FROM enrollment WHERE id = $1 AND status = 'active' FOR NO KEY UPDATE
       ), inserted AS (
         INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id) SELECT id, $2, $3 FROM locked
         ON CONFLICT (enrollment_id, lesson_id) DO NOTHING RETURNING completed_at
       ), touched AS (
         UPDATE enrollment SET last_activity_at = now() WHERE id = $1 AND EXISTS (SELECT 1 FROM inserted)
       ), ${job.cte}
       SELECT EXISTS (SELECT 1 FROM locked) AS active,
              (SELECT completed_at FROM inserted) AS "insertedAt",
              (SELECT completed_at FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2) AS "existingAt",
              CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN ${job.notify} END AS woken`,
      [enrollmentId, lessonId, moduleId, ...job.params],
    );
    if (!row.active) throw notFound('Lesson');
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
  private async findEnrollmentOf(traineeId: string, lessonId: string): Promise<{ enrollment: EnrollmentKeys; moduleId: string; loaded: LoadedProgress }> {
    for (const { enrollment, loaded } of await this.reader.loadActiveOf(traineeId)) {
      const module = loaded.outline.modules.find((m) => m.lessons.some((l) => l.lessonId === lessonId));
      if (module) return { enrollment, moduleId: module.moduleId, loaded };
    }
    throw notFound('Lesson');
  }
}
