import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's walk over a cohort's active enrollments after its start or zone moved
 * (CohortScheduleRecompute) reads them by id in keyset pages: with (cohort_id, status) alone each page
 * reads and sorts every active enrollment of the cohort again. Partial: only active rows are walked.
 */
export class EnrollmentActiveKeyset1797750000000 implements MigrationInterface {
  name = 'EnrollmentActiveKeyset1797750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enrollment_cohort_active_idx ON enrollment (cohort_id, id) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX enrollment_cohort_active_idx');
  }
}
