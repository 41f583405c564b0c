import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weekly cohort digest goes to each recipient in their own week (their zone's Monday, say):
 * one row per cohort, recipient and week (the local date the recipient's week began), claimed in
 * the transaction that publishes the digest, so overlapping scans and restarts send it once.
 * `recipient_id` is a user of the identity module: no foreign key crosses a module boundary.
 */
export class WeeklyDigestsPerRecipient1796040000001 implements MigrationInterface {
  name = 'WeeklyDigestsPerRecipient1796040000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_digest_sent (
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        recipient_id uuid NOT NULL,
        week_of date NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cohort_id, recipient_id, week_of)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE cohort_digest_sent');
  }
}
