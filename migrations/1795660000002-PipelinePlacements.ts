import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 6: a hire an employer confirms in the talent pipeline becomes an employer-confirmed
 * placement once (the interview request it came from, unique), with its 3- and 6-month follow-ups
 * scheduled: the worker tells staff when each falls due, once.
 */
export class PipelinePlacements1795660000002 implements MigrationInterface {
  name = 'PipelinePlacements1795660000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement ADD COLUMN interview_request_id uuid`);
    await q.query(`CREATE UNIQUE INDEX placement_interview_request_key ON placement (interview_request_id) WHERE interview_request_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE placement_follow_up_due (
        placement_id uuid NOT NULL REFERENCES placement(id) ON DELETE CASCADE,
        month int NOT NULL CHECK (month IN (3, 6)),
        due_on date NOT NULL,
        notified_at timestamptz,
        PRIMARY KEY (placement_id, month)
      )`);
    await q.query(`CREATE INDEX placement_follow_up_due_pending_idx ON placement_follow_up_due (due_on) WHERE notified_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement_follow_up_due`);
    await q.query(`DROP INDEX placement_interview_request_key`);
    await q.query(`ALTER TABLE placement DROP COLUMN interview_request_id`);
  }
}
