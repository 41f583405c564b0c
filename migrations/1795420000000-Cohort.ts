import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cohorts, applications, enrollments (with a seat counter the database keeps within capacity) and progress. */
export class Cohort1795420000000 implements MigrationInterface {
  name = 'Cohort1795420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned','accepting_applications','running','completed','archived')),
        capacity int NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
        seats_taken int NOT NULL DEFAULT 0,
        applications_open_at timestamptz NOT NULL,
        applications_close_at timestamptz NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        unlock_mode text NOT NULL CHECK (unlock_mode IN ('schedule','prerequisites')),
        questions jsonb NOT NULL DEFAULT '[]',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cohort_seats_within_capacity CHECK (seats_taken >= 0 AND seats_taken <= capacity),
        CONSTRAINT cohort_window_order CHECK (applications_close_at > applications_open_at),
        CONSTRAINT cohort_dates_order CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX cohort_status_idx ON cohort (status, starts_at DESC)`);
    await q.query(`
      CREATE TABLE cohort_course_version (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        course_version_id uuid NOT NULL,
        PRIMARY KEY (cohort_id, course_version_id)
      )`);
    await q.query(`
      CREATE TABLE cohort_module_unlock (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        module_id uuid NOT NULL,
        offset_days int NOT NULL CHECK (offset_days BETWEEN 0 AND 3650),
        PRIMARY KEY (cohort_id, module_id)
      )`);
    await q.query(`
      CREATE TABLE cohort_instructor (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (cohort_id, user_id)
      )`);
    await q.query(`CREATE INDEX cohort_instructor_user_idx ON cohort_instructor (user_id)`);
    await q.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        course_version_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'submitted'
          CHECK (status IN ('submitted','shortlisted','accepted','waitlisted','rejected','withdrawn')),
        statement text NOT NULL,
        answers jsonb NOT NULL DEFAULT '[]',
        score numeric(6,2) CHECK (score BETWEEN 0 AND 100),
        waitlist_rank int CHECK (waitlist_rank >= 1),
        -- Millisecond precision: list cursors carry the time as ISO text.
        submitted_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        decided_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT application_one_per_trainee UNIQUE (cohort_id, trainee_id),
        CONSTRAINT application_rank_only_waitlisted CHECK (waitlist_rank IS NULL OR status = 'waitlisted')
      )`);
    await q.query(`CREATE INDEX application_cohort_status_idx ON application (cohort_id, status, submitted_at, id)`);
    await q.query(`CREATE INDEX application_waitlist_idx ON application (cohort_id, waitlist_rank, submitted_at) WHERE status = 'waitlisted'`);
    await q.query(`
      CREATE TABLE application_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id),
        action text NOT NULL CHECK (action IN ('submit','score','shortlist','accept','waitlist','reject','withdraw','promote')),
        from_status text,
        to_status text NOT NULL,
        reason text,
        score numeric(6,2),
        waitlist_rank int,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX application_decision_app_idx ON application_decision (application_id, created_at)`);
    await q.query(`
      CREATE TABLE enrollment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        trainee_id uuid NOT NULL REFERENCES app_user(id),
        course_version_id uuid NOT NULL,
        application_id uuid REFERENCES application(id),
        source text NOT NULL CHECK (source IN ('application','admin','import','waitlist')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','withdrawn','completed')),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawal_reason text,
        completed_at timestamptz,
        last_activity_at timestamptz,
        lessons_done int NOT NULL DEFAULT 0,
        modules_done int NOT NULL DEFAULT 0,
        modules_total int NOT NULL DEFAULT 0,
        percent_complete numeric(5,2) NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
        failed_assessments int NOT NULL DEFAULT 0,
        progress_updated_at timestamptz,
        at_risk_week text,
        CONSTRAINT enrollment_one_per_trainee UNIQUE (cohort_id, trainee_id)
      )`);
    await q.query(`CREATE INDEX enrollment_trainee_idx ON enrollment (trainee_id, enrolled_at DESC)`);
    await q.query(`CREATE INDEX enrollment_cohort_idx ON enrollment (cohort_id, status)`);
    await q.query(`
      CREATE TABLE lesson_completion (
        enrollment_id uuid NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL,
        module_id uuid NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrollment_id, lesson_id)
      )`);
    await q.query(`
      CREATE TABLE assessment_grade (
        submission_id uuid PRIMARY KEY,
        enrollment_id uuid NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
        assessment_id uuid NOT NULL,
        passed boolean NOT NULL,
        score numeric(10,2) NOT NULL,
        max_score numeric(10,2) NOT NULL,
        graded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX assessment_grade_enrollment_idx ON assessment_grade (enrollment_id, assessment_id)`);
    await q.query(`
      CREATE TABLE module_progress (
        enrollment_id uuid NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
        module_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('locked','open','done')),
        opened_at timestamptz,
        completed_at timestamptz,
        PRIMARY KEY (enrollment_id, module_id)
      )`);
    await q.query(`
      CREATE TABLE trainee_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','finished','failed')),
        rows jsonb NOT NULL,
        report jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['trainee_import', 'module_progress', 'assessment_grade', 'lesson_completion', 'enrollment', 'application_decision', 'application', 'cohort_instructor', 'cohort_module_unlock', 'cohort_course_version', 'cohort']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
