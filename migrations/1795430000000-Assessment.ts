import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments (drafts with their keys), attempts, submissions, the grade history, hint reveals,
 * regrades and deadline reminders. Course, cohort and version ids are stored without foreign keys:
 * those tables belong to other modules.
 */
export class Assessment1795430000000 implements MigrationInterface {
  name = 'Assessment1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL,
        course_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('quiz','flag','sql','config','rubric')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        instructions text NOT NULL DEFAULT '',
        max_score numeric(8,2) NOT NULL CHECK (max_score > 0),
        pass_mark numeric(8,2) NOT NULL CHECK (pass_mark >= 0),
        weight numeric(8,3) NOT NULL DEFAULT 1 CHECK (weight >= 0),
        required boolean NOT NULL DEFAULT true,
        attempts_allowed int NOT NULL DEFAULT 1 CHECK (attempts_allowed BETWEEN 1 AND 100),
        time_limit_minutes int CHECK (time_limit_minutes BETWEEN 1 AND 1440),
        due_offset_days int CHECK (due_offset_days BETWEEN 0 AND 3650),
        late_policy text NOT NULL DEFAULT 'refuse' CHECK (late_policy IN ('refuse','penalty')),
        late_penalty_percent_per_day numeric(5,2) NOT NULL DEFAULT 0 CHECK (late_penalty_percent_per_day BETWEEN 0 AND 100),
        skill_codes text[] NOT NULL DEFAULT '{}',
        answer_key jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (pass_mark <= max_score)
      )`);
    await q.query(`CREATE INDEX assessment_module_idx ON assessment (module_id, created_at)`);
    await q.query(`
      CREATE TABLE assessment_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL,
        version_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        attempt_number int NOT NULL,
        attempts_allowed int NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        deadline_at timestamptz,
        CHECK (attempt_number BETWEEN 1 AND attempts_allowed),
        UNIQUE (enrollment_id, assessment_id, attempt_number)
      )`);
    await q.query(`
      CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        attempt_id uuid NOT NULL UNIQUE REFERENCES assessment_attempt(id),
        assessment_id uuid NOT NULL,
        version_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        cohort_id uuid NOT NULL,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL,
        answer jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','graded','needs_review','error')),
        late_days int NOT NULL DEFAULT 0 CHECK (late_days >= 0),
        max_score numeric(8,2) NOT NULL,
        pass_mark numeric(8,2) NOT NULL,
        score numeric(8,2),
        passed boolean,
        feedback jsonb,
        error text,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        graded_at timestamptz
      )`);
    await q.query(`CREATE INDEX submission_enrollment_idx ON submission (enrollment_id, assessment_id)`);
    await q.query(`CREATE INDEX submission_assessment_idx ON submission (assessment_id, submitted_at, id)`);
    await q.query(`CREATE INDEX submission_queued_idx ON submission (submitted_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX submission_review_idx ON submission (cohort_id, submitted_at, id) WHERE status = 'needs_review'`);
    await q.query(`
      CREATE TABLE grade (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES submission(id),
        cause text NOT NULL,
        raw_score numeric(8,2) NOT NULL,
        penalty numeric(8,2) NOT NULL DEFAULT 0,
        score numeric(8,2) NOT NULL,
        previous_score numeric(8,2),
        max_score numeric(8,2) NOT NULL,
        passed boolean NOT NULL,
        feedback jsonb NOT NULL,
        key_version_id uuid NOT NULL,
        graded_by uuid REFERENCES app_user(id),
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (submission_id, cause)
      )`);
    await q.query(`
      CREATE TABLE hint_reveal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        hint_id text NOT NULL,
        cost numeric(8,2) NOT NULL,
        revealed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (enrollment_id, assessment_id, hint_id)
      )`);
    await q.query(`
      CREATE TABLE regrade (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL,
        key_version_id uuid,
        requested_by uuid NOT NULL REFERENCES app_user(id),
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','finished')),
        total int NOT NULL DEFAULT 0,
        done int NOT NULL DEFAULT 0,
        changed int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE deadline_reminder (
        enrollment_id uuid NOT NULL,
        assessment_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, assessment_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deadline_reminder, regrade, hint_reveal, grade, submission, assessment_attempt, assessment`);
  }
}
