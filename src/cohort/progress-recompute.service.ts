import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, namedStatement, namedStatementInTransaction, Transactional } from '@gds/database';
import { embeddedJobSql, HandledJob, JobHandler, JobPayloads, Outbox, OutboxItem } from '@gds/queue';
import { Enrollment } from './enrollment.entity';
import { ModuleState, ModuleStatus } from './module-states';
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
    // The touch answers the locked row's columns the recompute needs: no second statement to lock and read it.
    const [enrollment] = await namedStatementInTransaction<LockedEnrollment>(this.txHost.tx, TOUCH_ENROLLMENT,
      [grade.enrollmentId],
    );
    if (!enrollment) return;
    const written: Array<{ replaced: boolean; graded_before: number; passed_before: boolean }> = await namedStatementInTransaction(this.txHost.tx, UPSERT_ASSESSMENT_GRADE,
      [grade.submissionId, grade.enrollmentId, grade.assessmentId, grade.passed, grade.score, grade.maxScore, grade.gradedAt],
    );
    if (written.length === 0) return;
    const [{ replaced, graded_before: gradedBefore, passed_before: passedBefore }] = written;
    const unchanged = !replaced && (passedBefore || (gradedBefore > 0 && !grade.passed));
    if (!unchanged) await this.recomputeLocked(enrollment, new Date());
  }

  /**
   * Answers whether anything changed. The common job (a lesson done that moves no module) is the
   * lock, one read and one write that carries its `evaluate-certificate` row (issue 23: seven
   * statements before, with the row and the module states apart).
   */
  @Transactional()
  async recompute(enrollmentId: string, now = new Date()): Promise<boolean> {
    const [enrollment] = await namedStatementInTransaction<LockedEnrollment>(this.txHost.tx, LOCK_ENROLLMENT, [enrollmentId]);
    return enrollment ? this.recomputeLocked(enrollment, now) : false;
  }

  /** `recompute` of an enrollment whose row this transaction has locked, read after the lock was taken. */
  private async recomputeLocked(enrollment: LockedEnrollment, now: Date): Promise<boolean> {
    if (enrollment.status === 'withdrawn') return false;
    const enrollmentId = enrollment.id;
    const loaded = await this.reader.load(enrollment, now);
    if (!loaded) {
      this.logger.warn({ msg: 'course version unknown; progress not recomputed', enrollmentId, courseVersionId: enrollment.courseVersionId });
      return false;
    }
    const unlocked = await this.writeModuleStates(enrollment, loaded.progress.modules, loaded.recorded.moduleStates);
    const events: OutboxItem[] = (unlocked ?? []).map((module) => this.unlockedNotice(enrollment, module, loaded.cohort.name));
    // The aggregates' UPDATE writes the evaluate-certificate row itself; module states alone changed publish it here.
    const aggregatesChanged = await this.writeAggregates(enrollment, loaded.progress, loaded.recorded.failingAssessments);
    if (unlocked && !aggregatesChanged) events.push({ name: 'evaluate-certificate', payload: { enrollmentId } });
    if (events.length > 0) await this.outbox.publishAll(events);
    return unlocked !== null || aggregatesChanged;
  }

  /**
   * Writes every module state that differs from the recorded one, in one statement; answers the
   * modules that opened (for their notices), or null when no state changed.
   */
  private async writeModuleStates(enrollment: LockedEnrollment, modules: ModuleState[], recorded: Map<string, ModuleStatus>): Promise<ModuleState[] | null> {
    const changed = modules.filter((module) => recorded.get(module.moduleId) !== module.status);
    if (changed.length === 0) return null;
    await namedStatementInTransaction(this.txHost.tx, UPSERT_MODULE_STATES, [enrollment.id, changed.map((m) => m.moduleId), changed.map((m) => m.status)]);
    return changed.filter((module) => {
      const previous = recorded.get(module.moduleId);
      return module.status !== 'locked' && (previous === undefined || previous === 'locked');
    });
  }

  private unlockedNotice(enrollment: LockedEnrollment, module: ModuleState, cohortName: string): OutboxItem {
    const eventKey = `module-unlocked:${enrollment.id}:${module.moduleId}`;
    return {
      name: 'notify',
      payload: {
        type: 'module-unlocked',
        eventKey,
        recipientIds: [enrollment.traineeId],
        data: { enrollmentId: enrollment.id, cohortId: enrollment.cohortId, cohortName, moduleId: module.moduleId, moduleTitle: module.title },
      },
    };
  }

  /** Writes the aggregates when they changed, with the `evaluate-certificate` row in the same statement; answers whether they changed. */
  private async writeAggregates(enrollment: LockedEnrollment, progress: { lessonsDone: number; modulesDone: number; percentComplete: number; modules: ModuleState[] }, failing: number): Promise<boolean> {
    const allDone = progress.modules.length > 0 && progress.modulesDone === progress.modules.length;
    const next = {
      lessonsDone: progress.lessonsDone,
      modulesDone: progress.modulesDone,
      modulesTotal: progress.modules.length,
      percentComplete: progress.percentComplete,
      failedAssessments: failing,
      status: allDone && enrollment.status === 'active' ? 'completed' : enrollment.status,
    };
    const same =
      enrollment.lessonsDone === next.lessonsDone && enrollment.modulesDone === next.modulesDone && enrollment.modulesTotal === next.modulesTotal &&
      Number(enrollment.percentComplete) === next.percentComplete && enrollment.failedAssessments === next.failedAssessments && enrollment.status === next.status;
    if (same) return false;
    const evaluation = this.outbox.embed('evaluate-certificate', { enrollmentId: enrollment.id }, EVALUATION_JOB);
    await namedStatementInTransaction(this.txHost.tx, UPDATE_AGGREGATES_AND_EVALUATE,
      [enrollment.id, next.lessonsDone, next.modulesDone, next.modulesTotal, next.percentComplete, next.failedAssessments, next.status, ...evaluation.params],
    );
    return true;
  }
}

/** What the recompute reads of the enrollment it locks: whose it is, where, and the aggregates it last wrote. */
type LockedEnrollment = Pick<Enrollment, 'id' | 'cohortId' | 'traineeId' | 'courseVersionId' | 'status' | 'lessonsDone' | 'modulesDone' | 'modulesTotal' | 'percentComplete' | 'failedAssessments'>;

/** The aggregates' UPDATE writes the `evaluate-certificate` row (Outbox.embed) after its seven parameters, when it updated the row. */
const EVALUATION_JOB = { firstParam: 8, when: 'updated' } as const;
const EVALUATION_JOB_SQL = embeddedJobSql(EVALUATION_JOB);

/** Fixed texts run by every job of this kind: parsed once per connection (named-statement.ts), in the transaction too. */
const LOCKED_COLUMNS = `id, cohort_id AS "cohortId", trainee_id AS "traineeId", course_version_id AS "courseVersionId", status,
         lessons_done AS "lessonsDone", modules_done AS "modulesDone", modules_total AS "modulesTotal", percent_complete AS "percentComplete",
         failed_assessments AS "failedAssessments"`;
const LOCK_ENROLLMENT = namedStatement('progress:lock-enrollment', `SELECT ${LOCKED_COLUMNS} FROM enrollment WHERE id = $1 FOR NO KEY UPDATE`);
const TOUCH_ENROLLMENT = namedStatement('progress:touch-enrollment', `WITH touched AS (
         UPDATE enrollment SET last_activity_at = greatest(coalesce(last_activity_at, now()), now()) WHERE id = $1 RETURNING ${LOCKED_COLUMNS}
       )
       SELECT * FROM touched`);
const UPSERT_ASSESSMENT_GRADE = namedStatement('progress:upsert-assessment-grade', `WITH prior AS (
         SELECT count(*)::int AS graded, coalesce(bool_or(passed), false) AS passed FROM assessment_grade WHERE enrollment_id = $2 AND assessment_id = $3
       )
       INSERT INTO assessment_grade (submission_id, enrollment_id, assessment_id, passed, score, max_score, graded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (submission_id) DO UPDATE SET passed = excluded.passed, score = excluded.score, max_score = excluded.max_score, graded_at = excluded.graded_at
        WHERE assessment_grade.graded_at < excluded.graded_at
       RETURNING xmax <> 0 AS replaced, (SELECT graded FROM prior) AS graded_before, (SELECT passed FROM prior) AS passed_before`);
// One row per changed module (the outline's module ids are distinct, so no row is upserted twice).
const UPSERT_MODULE_STATES = namedStatement('progress:upsert-module-states', `INSERT INTO module_progress (enrollment_id, module_id, status, opened_at, completed_at)
         SELECT $1, m.module_id, m.status, CASE WHEN m.status <> 'locked' THEN now() END, CASE WHEN m.status = 'done' THEN now() END
           FROM unnest($2::uuid[], $3::text[]) AS m (module_id, status)
         ON CONFLICT (enrollment_id, module_id) DO UPDATE SET status = excluded.status,
           opened_at = CASE WHEN excluded.status <> 'locked' THEN coalesce(module_progress.opened_at, now()) END,
           completed_at = CASE WHEN excluded.status = 'done' THEN coalesce(module_progress.completed_at, now()) END`);
const UPDATE_AGGREGATES_AND_EVALUATE = namedStatement('progress:update-aggregates-and-evaluate', `WITH updated AS (
         UPDATE enrollment SET lessons_done = $2, modules_done = $3, modules_total = $4, percent_complete = $5, failed_assessments = $6,
                status = $7, completed_at = CASE WHEN $7 = 'completed' THEN coalesce(completed_at, now()) ELSE completed_at END, progress_updated_at = now()
          WHERE id = $1 RETURNING id
       ), ${EVALUATION_JOB_SQL.cte}
       SELECT ${EVALUATION_JOB_SQL.notify} AS woken`);
