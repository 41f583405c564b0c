import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's lease on a claimed outbox row gets a column of its own (`leased_until`) instead of
 * pushing `available_at` forward: `available_at` keeps saying since when the row is due, so pipeline
 * health's oldest-due age keeps growing for a row whose relay dies mid-move again and again (it
 * stopped at about the 30 s lease). `claims` counts the claims, so that claims not ended by a move or
 * a postponement (a relay that died or hung holding the row) show.
 */
export class OutboxLease1797600000000 implements MigrationInterface {
  name = 'OutboxLease1797600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox_message ADD COLUMN leased_until timestamptz, ADD COLUMN claims int NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    // A row leased under the new scheme has its old `available_at`: give it the lease the old scheme expects.
    await q.query('UPDATE outbox_message SET available_at = leased_until WHERE sent_at IS NULL AND leased_until > available_at');
    await q.query('ALTER TABLE outbox_message DROP COLUMN leased_until, DROP COLUMN claims');
  }
}
