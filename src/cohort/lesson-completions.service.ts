import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { notFound, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Enrollment } from './enrollment.entity';
import { ProgressReader } from './progress-reader.service';
import { LessonCompletionView } from './dto/enrollment-views.dto';

export { LessonCompletionView };

/**
 * A trainee marks a lesson done: only a lesson of the course of their own active enrollment, in a
 * module open to them. The row and the `recompute-progress` event commit together.
 */
@Injectable()
export class LessonCompletions {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reader: ProgressReader,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async complete(traineeId: string, lessonId: string): Promise<LessonCompletionView> {
    const { enrollment, moduleId } = await this.findEnrollmentOf(traineeId, lessonId);
    const loaded = (await this.reader.load(enrollment))!;
    if (loaded.cohort.status !== 'running') throw unprocessable('cohort-not-running', 'Lessons can be completed only while the cohort runs.');
    const state = loaded.progress.modules.find((m) => m.moduleId === moduleId)!;
    if (state.status === 'locked') {
      throw unprocessable('lesson-locked', 'This lesson’s module is not open to you yet.', { opensAt: state.opensAt.toISOString() });
    }
    // The enrollment row first (as every progress write does), then rows that refer to it: no lock upgrades, no deadlocks.
    const [locked]: Array<{ status: string }> = await this.txHost.tx.query('SELECT status FROM enrollment WHERE id = $1 FOR NO KEY UPDATE', [enrollment.id]);
    if (locked?.status !== 'active') throw notFound('Lesson');
    const inserted: Array<{ completed_at: Date }> = await this.txHost.tx.query(
      `INSERT INTO lesson_completion (enrollment_id, lesson_id, module_id) VALUES ($1, $2, $3)
       ON CONFLICT (enrollment_id, lesson_id) DO NOTHING RETURNING completed_at`,
      [enrollment.id, lessonId, moduleId],
    );
    if (inserted.length > 0) {
      await this.txHost.tx.query('UPDATE enrollment SET last_activity_at = now() WHERE id = $1', [enrollment.id]);
      await this.outbox.publish('recompute-progress', { enrollmentId: enrollment.id });
      return { lessonId, moduleId, enrollmentId: enrollment.id, completedAt: inserted[0].completed_at.toISOString(), alreadyCompleted: false };
    }
    const [existing] = await this.txHost.tx.query('SELECT completed_at FROM lesson_completion WHERE enrollment_id = $1 AND lesson_id = $2', [enrollment.id, lessonId]);
    return { lessonId, moduleId, enrollmentId: enrollment.id, completedAt: existing.completed_at.toISOString(), alreadyCompleted: true };
  }

  /** The newest active enrollment whose course version holds the lesson; 404 when none (not theirs to complete). */
  private async findEnrollmentOf(traineeId: string, lessonId: string): Promise<{ enrollment: Enrollment; moduleId: string }> {
    const enrollments = await this.txHost.tx.getRepository(Enrollment).find({ where: { traineeId, status: 'active' }, order: { enrolledAt: 'DESC' } });
    for (const enrollment of enrollments) {
      const loaded = await this.reader.load(enrollment);
      const module = loaded?.outline.modules.find((m) => m.lessons.some((l) => l.lessonId === lessonId));
      if (module) return { enrollment, moduleId: module.moduleId };
    }
    throw notFound('Lesson');
  }
}
