import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reporting1795460000000 implements MigrationInterface {
  name = 'Reporting1795460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL,
        trainee_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('new_role','promotion')),
        role text NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
        employer text NOT NULL CHECK (length(employer) BETWEEN 1 AND 200),
        starts_on date NOT NULL,
        source text NOT NULL CHECK (source IN ('self_reported','employer_confirmed')),
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One record per trainee, role, employer and start date: a repeated report is a conflict, not a second placement.
    await q.query(`CREATE UNIQUE INDEX placement_same_role_key ON placement (cohort_id, trainee_id, starts_on, lower(role), lower(employer))`);
    await q.query(`CREATE INDEX placement_cohort_idx ON placement (cohort_id, created_at, id)`);
    await q.query(`CREATE INDEX placement_trainee_idx ON placement (trainee_id)`);
    await q.query(`
      CREATE TABLE placement_follow_up (
        placement_id uuid NOT NULL REFERENCES placement(id) ON DELETE CASCADE,
        month int NOT NULL CHECK (month IN (3, 6)),
        still_in_role boolean NOT NULL,
        checked_on date NOT NULL,
        note text CHECK (length(note) <= 1000),
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (placement_id, month)
      )`);
    // The last computed report of each cohort at the configured k: large cohorts are read from here.
    await q.query(`
      CREATE TABLE report_snapshot (
        cohort_id uuid PRIMARY KEY,
        min_cell_size int NOT NULL CHECK (min_cell_size >= 2),
        report jsonb NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_snapshot, placement_follow_up, placement`);
  }
}
