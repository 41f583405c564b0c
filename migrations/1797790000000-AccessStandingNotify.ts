import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The api processes cache each (user, session)'s standing — roles, active, session ended — that the
 * access check reads (issue 23: the check was every authenticated request's first round trip). Any
 * change to what that check reads notifies channel `gds_access_standing` with the user's id at
 * commit, whoever makes it (this app, another process, the CLI, psql), and every api process
 * forgets that user's entries (src/identity/access-standing-listener.service.ts).
 *
 * The WHEN clauses keep ordinary writes silent: a NOTIFY takes a global lock at commit, so a
 * profile edit (app_user) or a refresh spending its token (refresh_token.used_at) must not send
 * one. Only roles or active changing, a user row deleted, a token's revoked_at going from NULL to
 * set (or back), a token inserted revoked, and a revoked token deleted (its session would otherwise
 * stand again) notify; a TRUNCATE of either table notifies '*' (every process clears its cache).
 * Postgres folds identical notifications of one transaction into one, so revoking a session's
 * every token sends one.
 */
export class AccessStandingNotify1797790000000 implements MigrationInterface {
  name = 'AccessStandingNotify1797790000000';

  async up(q: QueryRunner): Promise<void> {
    // search_path pinned: the function runs in whatever session made the change, whose search_path could put another pg_notify first.
    await q.query(`
      CREATE FUNCTION notify_access_standing() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
      BEGIN
        -- Separate branches: a record's fields are resolved when the statement runs, and app_user has no user_id.
        IF TG_OP = 'TRUNCATE' THEN
          -- Every user at once: each process clears its whole cache.
          PERFORM pg_catalog.pg_notify('gds_access_standing', '*');
        ELSIF TG_OP = 'INSERT' THEN
          PERFORM pg_catalog.pg_notify('gds_access_standing', NEW.user_id::text);
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_catalog.pg_notify('gds_access_standing', OLD.id::text);
        ELSE
          PERFORM pg_catalog.pg_notify('gds_access_standing', OLD.user_id::text);
          IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
            PERFORM pg_catalog.pg_notify('gds_access_standing', NEW.user_id::text);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_standing_changed AFTER UPDATE ON app_user FOR EACH ROW
        WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.active IS DISTINCT FROM NEW.active OR OLD.id IS DISTINCT FROM NEW.id)
        EXECUTE FUNCTION notify_access_standing()`);
    await q.query(`
      CREATE TRIGGER app_user_standing_deleted AFTER DELETE ON app_user FOR EACH ROW
        EXECUTE FUNCTION notify_access_standing()`);
    await q.query(`
      CREATE TRIGGER app_user_standing_truncated AFTER TRUNCATE ON app_user FOR EACH STATEMENT
        EXECUTE FUNCTION notify_access_standing()`);
    // A token inserted already revoked ends its session (a restored or copied row).
    await q.query(`
      CREATE TRIGGER refresh_token_standing_inserted AFTER INSERT ON refresh_token FOR EACH ROW
        WHEN (NEW.revoked_at IS NOT NULL)
        EXECUTE FUNCTION notify_access_standing()`);
    await q.query(`
      CREATE TRIGGER refresh_token_standing_changed AFTER UPDATE ON refresh_token FOR EACH ROW
        WHEN ((OLD.revoked_at IS NULL) <> (NEW.revoked_at IS NULL) OR OLD.family_id IS DISTINCT FROM NEW.family_id OR OLD.user_id IS DISTINCT FROM NEW.user_id)
        EXECUTE FUNCTION notify_access_standing()`);
    await q.query(`
      CREATE TRIGGER refresh_token_standing_deleted AFTER DELETE ON refresh_token FOR EACH ROW
        WHEN (OLD.revoked_at IS NOT NULL)
        EXECUTE FUNCTION notify_access_standing()`);
    // TRUNCATE deletes rows without row triggers: revoked sessions would stand again.
    await q.query(`
      CREATE TRIGGER refresh_token_standing_truncated AFTER TRUNCATE ON refresh_token FOR EACH STATEMENT
        EXECUTE FUNCTION notify_access_standing()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER refresh_token_standing_truncated ON refresh_token');
    await q.query('DROP TRIGGER refresh_token_standing_deleted ON refresh_token');
    await q.query('DROP TRIGGER refresh_token_standing_changed ON refresh_token');
    await q.query('DROP TRIGGER refresh_token_standing_inserted ON refresh_token');
    await q.query('DROP TRIGGER app_user_standing_truncated ON app_user');
    await q.query('DROP TRIGGER app_user_standing_deleted ON app_user');
    await q.query('DROP TRIGGER app_user_standing_changed ON app_user');
    await q.query('DROP FUNCTION notify_access_standing()');
  }
}
