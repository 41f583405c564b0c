import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The selection workbench: a scoring rubric per cohort (criteria with weights and a maximum), one
 * score per reviewer per criterion per application, seat quotas per track, and the applicant's
 * phone (given with the application; its digits find duplicate applicants across accounts).
 * `application.score` stays: the single score of a cohort without a rubric, or the weighted
 * aggregate of the reviewers' rubric totals, kept by every rubric score write.
 */
export class SelectionWorkbench1795620000000 implements MigrationInterface {
  name = 'SelectionWorkbench1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rubric_criterion (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        id text NOT NULL CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
        label text NOT NULL,
        weight numeric(7,3) NOT NULL CHECK (weight > 0),
        max_score int NOT NULL CHECK (max_score BETWEEN 1 AND 100),
        position int NOT NULL,
        PRIMARY KEY (cohort_id, id)
      )`);
    await q.query(`
      CREATE TABLE application_score (
        application_id uuid NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        reviewer_id uuid NOT NULL,
        criterion_id text NOT NULL,
        score numeric(6,2) NOT NULL CHECK (score >= 0),
        scored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, reviewer_id, criterion_id)
      )`);
    await q.query(`
      CREATE TABLE cohort_track_quota (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        track_code text NOT NULL,
        seats int NOT NULL CHECK (seats >= 0),
        PRIMARY KEY (cohort_id, track_code)
      )`);
    await q.query(`ALTER TABLE application ADD COLUMN phone text, ADD COLUMN phone_digits text`);
    // A decision reverted by an admin is a step of the audit trail like the others.
    await q.query(`ALTER TABLE application_decision DROP CONSTRAINT application_decision_action_check`);
    await q.query(`ALTER TABLE application_decision ADD CONSTRAINT application_decision_action_check
      CHECK (action IN ('submit','score','shortlist','accept','waitlist','reject','withdraw','promote','revert'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM application_decision WHERE action = 'revert'`);
    await q.query(`ALTER TABLE application_decision DROP CONSTRAINT application_decision_action_check`);
    await q.query(`ALTER TABLE application_decision ADD CONSTRAINT application_decision_action_check
      CHECK (action IN ('submit','score','shortlist','accept','waitlist','reject','withdraw','promote'))`);
    await q.query(`ALTER TABLE application DROP COLUMN phone, DROP COLUMN phone_digits`);
    await q.query(`DROP TABLE cohort_track_quota`);
    await q.query(`DROP TABLE application_score`);
    await q.query(`DROP TABLE rubric_criterion`);
  }
}
