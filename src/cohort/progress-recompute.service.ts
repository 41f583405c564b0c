import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, namedStatement, namedStatementInTransaction, Transactional } from '@gds/database';
import { HandledJob, JobHandler, JobPayloads, Outbox } from '@gds/queue';
import { Enrollment, ENROLLMENT_COLUMNS } from './enrollment.entity';
import { ModuleState } from './module-states';
import { ProgressReader } from './progress-reader.service';

/**
 * The progress processor: recomputes an enrollment's module states and aggregates from the facts
 * (completions, passes, schedule, now), writes what changed, tells the trainee of modules that
 * opened, and asks certification to look again when anything changed. Idempotent: a repeat finds
 * nothing changed and publishes nothing.
 */
@Injectable()
export class ProgressRecompute {
  private readonly logger = new Logger(ProgressRecompute.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reader: ProgressReader,
    private readonly outbox: Outbox,
  ) {}

  @JobHandler('recompute-progress')
  async handleRecompute(job: HandledJob<'recompute-progress'>): Promise<void> {
    await this.recompute(job.data.enrollmentId);
  }

  @JobHandler('assessment-graded')
  async handleGraded(job: HandledJob<'assessment-graded'>): Promise<void> {
    await this.recordGrade(job.data);
  }

  /**
   * Records pass/fail of one graded submission and recomputes when the grade can change progress.
   * A submission's later grade (review, regrade, override) replaces its earlier one; a repeated or
   * out-of-date event changes nothing. Module completion counts an assessment as passed once any
   * grade passed, and the failing count one with grades but no pass: so a new submission that passes
   * an assessment already passed, or fails one already failing, changes neither (resubmitting to
   * raise a score is common) and skips the recompute. Schedule-driven unlocks never wait on grades:
   * the at-risk scan recomputes every active enrollment.
   */
  @Transactional()
  async recordGrade(grade: Omit<JobPayloads['assessment-graded'], 'traineeId'>): Promise<void> {
    // Lock the enrollment (noting the activity) before writing a row that refers to it: the insert's
    // key-share lock, upgraded later by the recompute, deadlocks against a concurrent grade of the
    // same enrollment. Two statements, not one: `prior` must be read in a snapshot taken after the
    // lock is held (READ COMMITTED takes one per statement). Read in the locking statement's own
    // snapshot, taken before it waited, it missed a regrade committed meanwhile (S1 pass→fail) and
    // judged this grade `unchanged`, skipping a recompute that was needed.
    // A CTE and a SELECT, not a bare UPDATE … RETURNING: TypeORM answers an UPDATE with [rows, count],
    // whose length is never 0, so an unknown enrollment would reach the insert (a foreign-key error and retries).
    const known: unknown[] = await namedStatementInTransaction(this.txHost.tx, TOUCH_ENROLLMENT,
      [grade.enrollmentId],
    );
    if (known.length === 0) return;
    const written: Array<{ replaced: boolean; graded_before: number; passed_before: boolean }> = await namedStatementInTransaction(this.txHost.tx, UPSERT_ASSESSMENT_GRADE,
      [grade.submissionId, grade.enrollmentId, grade.assessmentId, grade.passed, grade.score, grade.maxScore, grade.gradedAt],
    );
    if (written.length === 0) return;
    const [{ replaced, graded_before: gradedBefore, passed_before: passedBefore }] = written;
    const unchanged = !replaced && (passedBefore || (gradedBefore > 0 && !grade.passed));
    if (!unchanged) await this.recompute(grade.enrollmentId);
  }

  /** Answers whether anything changed. */
  @Transactional()
  async recompute(enrollmentId: string, now = new Date()): Promise<boolean> {
    const [row] = await namedStatementInTransaction<Enrollment>(this.txHost.tx, LOCK_ENROLLMENT, [enrollmentId]);
    const enrollment = row ? this.txHost.tx.getRepository(Enrollment).create(row) : null;
    if (!enrollment || enrollment.status === 'withdrawn') return false;
    const loaded = await this.reader.load(enrollment, now);
    if (!loaded) {
      this.logger.warn({ msg: 'course version unknown; progress not recomputed', enrollmentId, courseVersionId: enrollment.courseVersionId });
      return false;
    }
    const modulesChanged = await this.writeModuleStates(enrollment, loaded.progress.modules, loaded.cohort.name);
    const aggregatesChanged = await this.writeAggregates(enrollment, loaded.progress);
    const changed = modulesChanged || aggregatesChanged;
    if (changed) await this.outbox.publish('evaluate-certificate', { enrollmentId });
    return changed;
  }

  private async writeModuleStates(enrollment: Enrollment, modules: ModuleState[], cohortName: string): Promise<boolean> {
    const rows: Array<{ module_id: string; status: string }> = await namedStatementInTransaction(this.txHost.tx, MODULE_STATES, [enrollment.id]);
    const before = new Map(rows.map((r) => [r.module_id, r.status]));
    let changed = false;
    for (const module of modules) {
      const previous = before.get(module.moduleId);
      if (previous === module.status) continue;
      changed = true;
      await namedStatementInTransaction(this.txHost.tx, UPSERT_MODULE_STATE,
        [enrollment.id, module.moduleId, module.status],
      );
      if (module.status !== 'locked' && (previous === undefined || previous === 'locked')) await this.tellUnlocked(enrollment, module, cohortName);
    }
    return changed;
  }

  private async tellUnlocked(enrollment: Enrollment, module: ModuleState, cohortName: string): Promise<void> {
    const eventKey = `module-unlocked:${enrollment.id}:${module.moduleId}`;
    await this.outbox.publish('notify', {
      type: 'module-unlocked',
      eventKey,
      recipientIds: [enrollment.traineeId],
      data: { enrollmentId: enrollment.id, cohortId: enrollment.cohortId, cohortName, moduleId: module.moduleId, moduleTitle: module.title },
    });
  }

  private async writeAggregates(enrollment: Enrollment, progress: { lessonsDone: number; modulesDone: number; percentComplete: number; modules: ModuleState[] }): Promise<boolean> {
    const [failing] = await namedStatementInTransaction<{ n: number }>(this.txHost.tx, FAILING_ASSESSMENTS,
      [enrollment.id],
    );
    const allDone = progress.modules.length > 0 && progress.modulesDone === progress.modules.length;
    const next = {
      lessonsDone: progress.lessonsDone,
      modulesDone: progress.modulesDone,
      modulesTotal: progress.modules.length,
      percentComplete: progress.percentComplete,
      failedAssessments: failing.n as number,
      status: allDone && enrollment.status === 'active' ? 'completed' : enrollment.status,
    };
    const same =
      enrollment.lessonsDone === next.lessonsDone && enrollment.modulesDone === next.modulesDone && enrollment.modulesTotal === next.modulesTotal &&
      Number(enrollment.percentComplete) === next.percentComplete && enrollment.failedAssessments === next.failedAssessments && enrollment.status === next.status;
    if (same) return false;
    await namedStatementInTransaction(this.txHost.tx, UPDATE_AGGREGATES,
      [enrollment.id, next.lessonsDone, next.modulesDone, next.modulesTotal, next.percentComplete, next.failedAssessments, next.status],
    );
    return true;
  }
}

/** Fixed texts run by every job of this kind: parsed once per connection (named-statement.ts), in the transaction too. */
const LOCK_ENROLLMENT = namedStatement('progress:lock-enrollment', `SELECT ${ENROLLMENT_COLUMNS} FROM enrollment WHERE id = $1 FOR NO KEY UPDATE`);
const TOUCH_ENROLLMENT = namedStatement('progress:touch-enrollment', `WITH touched AS (
         UPDATE enrollment SET last_activity_at = greatest(coalesce(last_activity_at, now()), now()) WHERE id = $1 RETURNING id
       )
       SELECT id FROM touched`);
const UPSERT_ASSESSMENT_GRADE = namedStatement('progress:upsert-assessment-grade', `WITH prior AS (
         SELECT count(*)::int AS graded, coalesce(bool_or(passed), false) AS passed FROM assessment_grade WHERE enrollment_id = $2 AND assessment_id = $3
       )
       INSERT INTO assessment_grade (submission_id, enrollment_id, assessment_id, passed, score, max_score, graded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (submission_id) DO UPDATE SET passed = excluded.passed, score = excluded.score, max_score = excluded.max_score, graded_at = excluded.graded_at
        WHERE assessment_grade.graded_at < excluded.graded_at
       RETURNING xmax <> 0 AS replaced, (SELECT graded FROM prior) AS graded_before, (SELECT passed FROM prior) AS passed_before`);
const MODULE_STATES = namedStatement('progress:module-states', 'SELECT module_id, status FROM module_progress WHERE enrollment_id = $1');
const UPSERT_MODULE_STATE = namedStatement('progress:upsert-module-state', `INSERT INTO module_progress (enrollment_id, module_id, status, opened_at, completed_at)
         VALUES ($1, $2, $3, CASE WHEN $3 <> 'locked' THEN now() END, CASE WHEN $3 = 'done' THEN now() END)
         ON CONFLICT (enrollment_id, module_id) DO UPDATE SET status = $3,
           opened_at = CASE WHEN $3 <> 'locked' THEN coalesce(module_progress.opened_at, now()) END,
           completed_at = CASE WHEN $3 = 'done' THEN coalesce(module_progress.completed_at, now()) END`);
const FAILING_ASSESSMENTS = namedStatement('progress:failing-assessments', `SELECT count(*)::int AS n FROM (SELECT assessment_id FROM assessment_grade WHERE enrollment_id = $1 GROUP BY assessment_id HAVING NOT bool_or(passed)) f`);
const UPDATE_AGGREGATES = namedStatement('progress:update-aggregates', `UPDATE enrollment SET lessons_done = $2, modules_done = $3, modules_total = $4, percent_complete = $5, failed_assessments = $6,
              status = $7, completed_at = CASE WHEN $7 = 'completed' THEN coalesce(completed_at, now()) ELSE completed_at END, progress_updated_at = now()
        WHERE id = $1`);
