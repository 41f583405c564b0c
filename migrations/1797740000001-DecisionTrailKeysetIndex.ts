import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /applications/:id/decisions pages oldest first by (created_at, id) (issue 23.4): the index
 * carries the id, so a page is one index range read to its limit, with no sort of the whole trail
 * (a decision and the waitlist promotion it causes share their transaction's time). It replaces
 * (application_id, created_at), its prefix.
 * The time becomes the statement's clock (clock_timestamp()), not the transaction's start (now()):
 * two entries of one application written in one transaction then keep the order they were written
 * in, where under now() they tied and the id (random) would have ordered them.
 */
export class DecisionTrailKeysetIndex1797740000001 implements MigrationInterface {
  name = 'DecisionTrailKeysetIndex1797740000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX application_decision_keyset_idx ON application_decision (application_id, created_at, id)');
    await q.query('DROP INDEX application_decision_app_idx');
    await q.query('ALTER TABLE application_decision ALTER COLUMN created_at SET DEFAULT clock_timestamp()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_decision ALTER COLUMN created_at SET DEFAULT now()');
    await q.query('CREATE INDEX application_decision_app_idx ON application_decision (application_id, created_at)');
    await q.query('DROP INDEX application_decision_keyset_idx');
  }
}
