import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements: a message from a cohort's staff to the whole cohort, one track of it or named
 * trainees, kept as sent (who wrote it, to whom, the recipients resolved at sending). The notice
 * reaches people through the notification module. `start_notice_sent_at` makes the cohort's
 * "starts today" notice once.
 */
export class Announcements1795640000001 implements MigrationInterface {
  name = 'Announcements1795640000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE announcement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id) ON DELETE CASCADE,
        author_id uuid NOT NULL,
        audience text NOT NULL CHECK (audience IN ('cohort', 'track', 'trainees')),
        track_code text,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        recipient_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT announcement_track_named CHECK ((audience = 'track') = (track_code IS NOT NULL)),
        CONSTRAINT announcement_has_recipients CHECK (cardinality(recipient_ids) >= 1)
      )`);
    await q.query('CREATE INDEX announcement_cohort_idx ON announcement (cohort_id, created_at DESC, id DESC)');
    await q.query('ALTER TABLE cohort ADD COLUMN start_notice_sent_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cohort DROP COLUMN start_notice_sent_at');
    await q.query('DROP TABLE announcement');
  }
}
