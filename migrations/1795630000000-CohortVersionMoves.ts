import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running cohort moved to a later, compatible version of one of its courses (a content fix): who,
 * when, from which version to which, why, and how many enrollments moved. Rows are never changed or
 * deleted: they are the audit trail of the cohort's versions.
 */
export class CohortVersionMoves1795630000000 implements MigrationInterface {
  name = 'CohortVersionMoves1795630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_version_move (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id),
        course_id uuid NOT NULL,
        from_version_id uuid NOT NULL,
        to_version_id uuid NOT NULL,
        from_version int NOT NULL,
        to_version int NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        moved_by uuid NOT NULL,
        enrollments_moved int NOT NULL CHECK (enrollments_moved >= 0),
        trainees_notified boolean NOT NULL,
        moved_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cohort_version_move_forward CHECK (to_version > from_version)
      )`);
    await q.query('CREATE INDEX cohort_version_move_cohort_idx ON cohort_version_move (cohort_id, moved_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cohort_version_move');
  }
}
