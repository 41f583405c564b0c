import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { conflict, notFound, Role, unprocessable } from '@gds/http';
import { RefreshTokens } from './refresh-tokens.service';
import { AccessStandingChanges } from './access-standing-changes';

/** What erasure leaves of an account: no name, no email that reaches anyone, no way to sign in. */
export const ERASED_NAME = 'Erased trainee';

/**
 * Identity's part of a trainee's data rights: the export of what it holds, and erasure by
 * pseudonymisation. The demographic categories a trainee consented to stay (without any name
 * attached), so that every report's aggregates stay what they were.
 */
@Injectable()
export class IdentityPersonalData {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly refreshTokens: RefreshTokens,
    private readonly standing: AccessStandingChanges,
  ) {}

  async exportFor(userId: string) {
    const q = (sql: string) => this.txHost.tx.query(sql, [userId]);
    const [profile] = await q(
      `SELECT id, email, display_name AS "displayName", roles, active, gender, birth_year AS "birthYear", district, employer, created_at AS "createdAt"
         FROM app_user WHERE id = $1`,
    );
    if (!profile) throw notFound('User');
    return {
      profile,
      consents: await q(`SELECT version, given_at AS "givenAt", withdrawn_at AS "withdrawnAt" FROM demographic_consent WHERE user_id = $1 ORDER BY given_at`),
      profileHistory: await q(`SELECT field, value, recorded_at AS "recordedAt", note FROM profile_field_history WHERE user_id = $1 ORDER BY recorded_at`),
      accountChanges: await q(`SELECT action, roles_before AS "rolesBefore", roles_after AS "rolesAfter", reason, changed_at AS "changedAt" FROM role_change WHERE user_id = $1 ORDER BY changed_at`),
    };
  }

  /**
   * Checks and pseudonymises (the caller's transaction): only trainees; never the last active admin
   * (an admin who is also a trainee and the only admin, oneself included); not twice.
   */
  async eraseFor(userId: string, actorId: string, reason: string): Promise<Date> {
    const [user]: Array<{ roles: Role[]; active: boolean }> = await this.txHost.tx.query('SELECT roles, active FROM app_user WHERE id = $1 FOR UPDATE', [userId]);
    if (!user) throw notFound('User');
    if (!user.roles.includes('trainee')) throw unprocessable('not-a-trainee', 'Only trainees can be erased on request; staff accounts are deactivated instead.');
    const [{ admins }] = await this.txHost.tx.query(`SELECT count(*)::int AS admins FROM app_user WHERE 'admin' = ANY(roles) AND active`);
    if (user.roles.includes('admin') && user.active && admins <= 1) throw unprocessable('last-admin', 'This is the last active admin: make another admin first.');
    const [done] = await this.txHost.tx.query('SELECT 1 FROM user_erasure WHERE user_id = $1', [userId]);
    if (done) throw conflict('already-erased', 'This account was erased already.');
    await this.txHost.tx.query(
      `UPDATE app_user SET email = 'erased-' || id || '@erased.invalid', display_name = $2, password_hash = NULL, active = false, updated_at = now() WHERE id = $1`,
      [userId, ERASED_NAME],
    );
    await this.txHost.tx.query('DELETE FROM invitation WHERE user_id = $1', [userId]);
    await this.txHost.tx.query('DELETE FROM profile_field_history WHERE user_id = $1', [userId]);
    await this.txHost.tx.query('UPDATE role_change SET reason = NULL WHERE user_id = $1', [userId]);
    await this.refreshTokens.revokeAllOf(userId);
    this.standing.changed(userId);
    const [row] = await this.txHost.tx.query('INSERT INTO user_erasure (user_id, actor_id, reason) VALUES ($1, $2, $3) RETURNING erased_at', [userId, actorId, reason]);
    return row.erased_at;
  }
}
