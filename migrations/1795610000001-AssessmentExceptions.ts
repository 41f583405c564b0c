import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-trainee exceptions to an assessment's rules: a later due date or extra attempts, granted by
 * the cohort's instructors or an admin with a reason. Rows are never changed or deleted (but with
 * their enrollment): they are the audit trail, and the rules in force are their sum (attempts) and
 * their latest date (due).
 */
export class AssessmentExceptions1795610000001 implements MigrationInterface {
  name = 'AssessmentExceptions1795610000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_exception (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL,
        cohort_id uuid NOT NULL REFERENCES cohort(id),
        trainee_id uuid NOT NULL,
        due_at timestamptz,
        extra_attempts int NOT NULL DEFAULT 0 CHECK (extra_attempts BETWEEN 0 AND 20),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        granted_by uuid NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessment_exception_grants_something CHECK (due_at IS NOT NULL OR extra_attempts > 0)
      )`);
    await q.query('CREATE INDEX assessment_exception_lookup_idx ON assessment_exception (enrollment_id, assessment_id)');
    await q.query('CREATE INDEX assessment_exception_cohort_idx ON assessment_exception (cohort_id, assessment_id, granted_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assessment_exception');
  }
}
