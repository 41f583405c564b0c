import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions and account recovery (issue 13): language preference, refresh-token reuse grace,
 * password resets, invitations minted at send time, and attempt counters for rate limits.
 */
export class AccountRecovery1795500000000 implements MigrationInterface {
  name = 'AccountRecovery1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN language text NOT NULL DEFAULT 'en' CONSTRAINT app_user_language_check CHECK (language IN ('en', 'es'))`);
    // Access tokens name their session (refresh family); checking that it has not ended is a probe of this small index.
    await q.query(`CREATE INDEX refresh_token_revoked_family_idx ON refresh_token (family_id) WHERE revoked_at IS NOT NULL`);
    // An invitation's secret is chosen when its email is sent (by the worker), so a new one has none yet.
    await q.query(`ALTER TABLE invitation ALTER COLUMN secret_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE invitation ADD COLUMN sent_at timestamptz`);
    await q.query(`CREATE INDEX invitation_user_idx ON invitation (user_id)`);
    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        secret_hash text,
        expires_at timestamptz NOT NULL,
        sent_at timestamptz,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id)`);
    await q.query(`
      CREATE TABLE auth_rate_limit (
        bucket text NOT NULL,
        subject_hash text NOT NULL,
        hits int NOT NULL,
        window_ends_at timestamptz NOT NULL,
        PRIMARY KEY (bucket, subject_hash)
      )`);
    await q.query(`CREATE INDEX auth_rate_limit_window_idx ON auth_rate_limit (window_ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_rate_limit`);
    await q.query(`DROP TABLE password_reset`);
    await q.query(`DROP INDEX invitation_user_idx`);
    await q.query(`ALTER TABLE invitation DROP COLUMN sent_at`);
    await q.query(`DELETE FROM invitation WHERE secret_hash IS NULL`);
    await q.query(`ALTER TABLE invitation ALTER COLUMN secret_hash SET NOT NULL`);
    await q.query(`DROP INDEX refresh_token_revoked_family_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN language`);
  }
}
