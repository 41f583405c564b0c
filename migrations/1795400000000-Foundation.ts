import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795400000000 implements MigrationInterface {
  name = 'Foundation1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE outbox_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job_name text NOT NULL,
        queue text NOT NULL,
        payload jsonb NOT NULL,
        job_id text,
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_message_pending_idx ON outbox_message (available_at) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE job_failure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        attempts_made int NOT NULL,
        error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX job_failure_failed_at_idx ON job_failure (failed_at DESC)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL,
        password_hash text,
        roles text[] NOT NULL CHECK (roles <@ ARRAY['admin','instructor','trainee','reviewer']::text[] AND cardinality(roles) > 0),
        active boolean NOT NULL DEFAULT true,
        gender text CHECK (gender IN ('female','male','non_binary','prefer_not_to_say')),
        birth_year int CHECK (birth_year BETWEEN 1900 AND 2100),
        district text,
        employer text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_lower_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_roles_idx ON app_user USING gin (roles)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);
    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE role_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id),
        action text NOT NULL CHECK (action IN ('create','roles','deactivate','reactivate')),
        roles_before text[] NOT NULL,
        roles_after text[] NOT NULL,
        reason text,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX role_change_user_idx ON role_change (user_id, changed_at)`);
    await q.query(`
      CREATE TABLE pipeline_probe (
        id uuid PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        handled_at timestamptz,
        handled_runs int NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pipeline_probe, role_change, invitation, refresh_token, app_user, job_failure, outbox_message`);
  }
}
