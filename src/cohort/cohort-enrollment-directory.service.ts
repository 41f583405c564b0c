import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads } from '@gds/database';
import { EnrollmentDirectory, EnrollmentRef, InstructedVersion } from './enrollment-directory.contract';
import { Cohort } from './cohort.entity';
import { Enrollment } from './enrollment.entity';
import { moduleOpensAt } from './module-states';
import { ProgressReader } from './progress-reader.service';

const SELECT_REFS = `SELECT e.id AS "enrollmentId", e.cohort_id AS "cohortId", e.trainee_id AS "traineeId", e.course_version_id AS "courseVersionId",
       e.status, e.enrolled_at AS "enrolledAt", c.starts_at AS "cohortStartsAt", c.ends_at AS "cohortEndsAt", c.time_zone AS "cohortTimeZone"
  FROM enrollment e JOIN cohort c ON c.id = e.cohort_id`;

/** The cohort module's answer to other modules about enrollments (the EnrollmentDirectory contract). */
@Injectable()
export class CohortEnrollmentDirectory extends EnrollmentDirectory {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reader: ProgressReader,
    private readonly reads: DirectReads,
  ) {
    super();
  }

  async getEnrollment(enrollmentId: string): Promise<EnrollmentRef | null> {
    const rows: EnrollmentRef[] = await this.txHost.tx.query(`${SELECT_REFS} WHERE e.id = $1`, [enrollmentId]);
    return rows[0] ?? null;
  }

  async getEnrollments(enrollmentIds: string[]): Promise<EnrollmentRef[]> {
    if (enrollmentIds.length === 0) return [];
    return this.txHost.tx.query(`${SELECT_REFS} WHERE e.id = ANY($1::uuid[]) ORDER BY e.enrolled_at, e.id`, [[...new Set(enrollmentIds)]]);
  }

  /** Plain SQL on the pool outside a transaction: the lesson read asks this on every request (issue 23). */
  async enrollmentsOf(traineeId: string): Promise<EnrollmentRef[]> {
    return this.reads.query(`${SELECT_REFS} WHERE e.trainee_id = $1 ORDER BY e.enrolled_at DESC, e.id`, [traineeId]);
  }

  async enrollmentsOfCohort(cohortId: string): Promise<EnrollmentRef[]> {
    return this.txHost.tx.query(`${SELECT_REFS} WHERE e.cohort_id = $1 ORDER BY e.enrolled_at, e.id`, [cohortId]);
  }

  async cohortExists(cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM cohort WHERE id = $1', [cohortId]);
    return rows.length > 0;
  }

  async instructorsOf(cohortId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.txHost.tx.query('SELECT user_id FROM cohort_instructor WHERE cohort_id = $1 ORDER BY user_id', [cohortId]);
    return rows.map((r) => r.user_id);
  }

  async isCohortInstructor(userId: string, cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM cohort_instructor WHERE cohort_id = $1 AND user_id = $2', [cohortId, userId]);
    return rows.length > 0;
  }

  async moduleUnlockAt(enrollmentId: string, moduleId: string): Promise<Date | null> {
    const enrollment = await this.txHost.tx.getRepository(Enrollment).findOneBy({ id: enrollmentId });
    if (!enrollment) return null;
    const cohort = (await this.txHost.tx.getRepository(Cohort).findOneBy({ id: enrollment.cohortId }))!;
    if (cohort.unlockMode === 'prerequisites') return null;
    return moduleOpensAt(await this.reader.schedule(cohort), moduleId);
  }

  async moduleLock(enrollmentId: string, moduleId: string): Promise<{ opensAt: Date } | null> {
    const enrollment = await this.txHost.tx.getRepository(Enrollment).findOneBy({ id: enrollmentId });
    if (!enrollment) return null;
    const state = (await this.reader.load(enrollment))?.progress.modules.find((m) => m.moduleId === moduleId);
    return state?.status === 'locked' ? { opensAt: state.opensAt } : null;
  }

  async completedModules(enrollmentId: string): Promise<string[]> {
    const rows: Array<{ module_id: string }> = await this.txHost.tx.query(
      `SELECT module_id FROM module_progress WHERE enrollment_id = $1 AND status = 'done' ORDER BY module_id`,
      [enrollmentId],
    );
    return rows.map((r) => r.module_id);
  }

  async courseVersionsInstructedBy(userId: string): Promise<InstructedVersion[]> {
    return this.txHost.tx.query(
      `SELECT ci.cohort_id AS "cohortId", cv.course_version_id AS "courseVersionId"
         FROM cohort_instructor ci JOIN cohort_course_version cv ON cv.cohort_id = ci.cohort_id
        WHERE ci.user_id = $1 ORDER BY ci.cohort_id, cv.course_version_id`,
      [userId],
    );
  }

  async activeEnrollmentsOfRunningCohorts(afterEnrollmentId: string | null, limit: number): Promise<EnrollmentRef[]> {
    // Keyset on the enrollment primary key: each page is one index range scan, whatever the page number.
    return this.txHost.tx.query(
      `${SELECT_REFS} WHERE e.status = 'active' AND c.status = 'running' AND ($1::uuid IS NULL OR e.id > $1::uuid) ORDER BY e.id LIMIT $2`,
      [afterEnrollmentId, Math.max(1, Math.min(limit, 1000))],
    );
  }
}
