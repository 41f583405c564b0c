import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notification1795450000000 implements MigrationInterface {
  name = 'Notification1795450000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per fact told (the `notify` job's eventKey); deliveries point at it.
    await q.query(`
      CREATE TABLE notification_event (
        event_key text PRIMARY KEY CHECK (length(event_key) BETWEEN 1 AND 300),
        type text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE email_digest (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','skipped','failed')),
        item_count int NOT NULL CHECK (item_count > 0),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX email_digest_recipient_idx ON email_digest (recipient_id, created_at DESC)`);
    // Exactly once per (event, recipient, channel): the unique key makes a repeated job a no-op.
    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_key text NOT NULL REFERENCES notification_event(event_key) ON DELETE CASCADE,
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('in_app','email')),
        status text NOT NULL CHECK (status IN ('delivered','pending','sent','skipped','failed','digest_pending','digested')),
        read_at timestamptz,
        digest_id uuid REFERENCES email_digest(id) ON DELETE SET NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_delivery_once UNIQUE (event_key, recipient_id, channel),
        CONSTRAINT notification_delivery_read_in_app CHECK (read_at IS NULL OR channel = 'in_app'),
        CONSTRAINT notification_delivery_status_by_channel CHECK ((channel = 'in_app') = (status = 'delivered'))
      )`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification_delivery (recipient_id, created_at DESC, id DESC) WHERE channel = 'in_app'`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification_delivery (recipient_id) WHERE channel = 'in_app' AND read_at IS NULL`);
    await q.query(`CREATE INDEX notification_digest_pending_idx ON notification_delivery (recipient_id) WHERE status = 'digest_pending'`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
        channel text NOT NULL CHECK (channel IN ('in_app','email')),
        mode text NOT NULL CHECK (mode IN ('off','immediate','digest')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, type, channel),
        CONSTRAINT notification_preference_digest_email CHECK (mode <> 'digest' OR channel = 'email')
      )`);
    await q.query(`
      CREATE TABLE webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (length(url) <= 2048 AND url ~ '^https?://'),
        description text CHECK (length(description) <= 500),
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        secret_ciphertext text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures int NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        disabled_at timestamptz,
        disabled_reason text,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_event_types_idx ON webhook USING gin (event_types) WHERE enabled`);
    // One delivery per (webhook, event), not per recipient.
    await q.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhook(id) ON DELETE CASCADE,
        event_key text NOT NULL REFERENCES notification_event(event_key) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed','cancelled')),
        attempts int NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        last_status_code int,
        last_error text,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_once UNIQUE (webhook_id, event_key)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (webhook_id, created_at DESC, id DESC)`);
    // One row per scheduled slot: a second run of the same slot (two schedulers, a re-run) does nothing.
    await q.query(`
      CREATE TABLE notification_schedule_run (
        scheduler text NOT NULL,
        slot_ms bigint NOT NULL,
        job_id text NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scheduler, slot_ms)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_schedule_run, webhook_delivery, webhook, notification_preference, notification_delivery, email_digest, notification_event`);
  }
}
