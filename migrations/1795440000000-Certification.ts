import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certification: criteria per course version, certificates (one per trainee and course version),
 * and their audit trail (issue, review flags, keep/revoke decisions). Course versions, enrollments
 * and cohorts belong to other modules: their ids are stored without foreign keys.
 */
export class Certification1795440000000 implements MigrationInterface {
  name = 'Certification1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certification_criteria (
        course_version_id uuid PRIMARY KEY,
        require_all_modules boolean NOT NULL DEFAULT true,
        require_required_assessments boolean NOT NULL DEFAULT true,
        min_course_score numeric(5,2) NOT NULL CHECK (min_course_score BETWEEN 0 AND 100),
        narrative text CHECK (length(narrative) <= 2000),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        enrollment_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        course_version_id uuid NOT NULL,
        verification_code text NOT NULL CHECK (verification_code ~ '^[a-z2-7]{26}$'),
        holder_name text NOT NULL,
        course_title text NOT NULL,
        course_code text NOT NULL,
        track_code text NOT NULL,
        skill_codes text[] NOT NULL,
        course_score numeric(5,2),
        credential_jwt text NOT NULL,
        signing_kid text NOT NULL,
        issued_at timestamptz NOT NULL,
        valid_until timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        revocation_reason text,
        review_status text CHECK (review_status IN ('pending', 'kept', 'revoked')),
        review_flagged_at timestamptz,
        review_detail text,
        CONSTRAINT certificate_trainee_version_key UNIQUE (trainee_id, course_version_id),
        CONSTRAINT certificate_verification_code_key UNIQUE (verification_code),
        CONSTRAINT certificate_enrollment_key UNIQUE (enrollment_id),
        CONSTRAINT certificate_revocation_complete CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
        CONSTRAINT certificate_review_flag_complete CHECK ((review_status IS NULL) = (review_flagged_at IS NULL))
      )`);
    await q.query(`CREATE INDEX certificate_trainee_idx ON certificate (trainee_id, issued_at DESC, id DESC)`);
    await q.query(`CREATE INDEX certificate_cohort_idx ON certificate (cohort_id, issued_at, id)`);
    await q.query(`CREATE INDEX certificate_revoked_idx ON certificate (revoked_at) WHERE revoked_at IS NOT NULL`);
    await q.query(`CREATE INDEX certificate_review_pending_idx ON certificate (review_flagged_at, id) WHERE review_status = 'pending'`);
    await q.query(`
      CREATE TABLE certificate_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certificate_id uuid NOT NULL REFERENCES certificate(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('issued', 'flagged', 'kept', 'revoked')),
        actor_id uuid REFERENCES app_user(id),
        detail text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX certificate_event_certificate_idx ON certificate_event (certificate_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_event`);
    await q.query(`DROP TABLE certificate`);
    await q.query(`DROP TABLE certification_criteria`);
  }
}
