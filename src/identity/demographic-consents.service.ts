import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest } from '@gds/http';
import { CONSENT_PURPOSES, DEMOGRAPHIC_FIELDS } from './consent-purposes';
import { DemographicConsent } from './demographic-consent.entity';

export interface ConsentState {
  version: number;
  givenAt: Date;
}

/**
 * Demographic fields are held only with consent. Giving a value needs the trainee's current consent
 * or a consent version given with it (recorded then); withdrawing deletes the values.
 */
@Injectable()
export class DemographicConsents {
  constructor(private readonly txHost: AppTransactionHost) {}

  async current(userId: string): Promise<ConsentState | null> {
    const rows: ConsentState[] = await this.txHost.tx.query(
      `SELECT version, given_at AS "givenAt" FROM demographic_consent WHERE user_id = $1 AND withdrawn_at IS NULL ORDER BY given_at DESC LIMIT 1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async history(userId: string): Promise<DemographicConsent[]> {
    return this.txHost.tx.getRepository(DemographicConsent).find({ where: { userId }, order: { givenAt: 'ASC' } });
  }

  /** Refuses an unknown version before anything is written. */
  checkVersion(version: number | undefined): void {
    if (version !== undefined && !CONSENT_PURPOSES.some((p) => p.version === version)) {
      const known = CONSENT_PURPOSES.map((p) => p.version).join(', ');
      throw badRequest('unknown-consent-version', `No purpose text has version ${version}; known versions: ${known}.`, [
        { field: 'consentVersion', message: `must be one of: ${known}` },
      ]);
    }
  }

  /**
   * Before demographic values are stored: with `version`, records consent to that text (unless the
   * same version is in force); without it, requires a consent in force.
   */
  @Transactional()
  async requireFor(userId: string, changes: Record<string, unknown>, version?: number): Promise<void> {
    this.checkVersion(version);
    const giving = this.givesDemographics(changes);
    const now = await this.current(userId);
    if (version !== undefined && now?.version !== version) await this.give(userId, version);
    else if (giving && !now) {
      throw badRequest('consent-required', 'Demographic fields are held only with consent: send consentVersion (see GET /api/v1/me/demographic-consent).', [
        { field: 'consentVersion', message: 'is required to give gender, birthYear, district or employer' },
      ]);
    }
  }

  /** Whether the changes give a demographic value (which needs a consent in force). */
  givesDemographics(changes: Record<string, unknown>): boolean {
    return DEMOGRAPHIC_FIELDS.some((f) => changes[f] !== undefined && changes[f] !== null);
  }

  /**
   * A SQL condition (parameters numbered by the caller: the user's id, the version given or null,
   * whether demographic values are given) that holds exactly when `requireFor` would neither record
   * a consent nor refuse: a write guarded by it needs no transaction around a consent check.
   */
  static standsSql(user: string, version: string, giving: string): string {
    const inForce = `(SELECT version FROM demographic_consent WHERE user_id = ${user} AND withdrawn_at IS NULL ORDER BY given_at DESC LIMIT 1)`;
    return `(CASE WHEN ${version}::int IS NOT NULL THEN ${inForce} IS NOT DISTINCT FROM ${version}::int ELSE NOT ${giving}::bool OR ${inForce} IS NOT NULL END)`;
  }

  @Transactional()
  async give(userId: string, version: number): Promise<ConsentState> {
    this.checkVersion(version);
    await this.txHost.tx.query('UPDATE demographic_consent SET withdrawn_at = now() WHERE user_id = $1 AND withdrawn_at IS NULL', [userId]);
    await this.txHost.tx.getRepository(DemographicConsent).insert({ userId, version, givenAt: new Date(), withdrawnAt: null });
    return (await this.current(userId))!;
  }

  /**
   * Withdrawal deletes the values: later reports count the trainee as "not given". The user's row is
   * locked first, as a PATCH /me giving values locks it before reading the consent: the two
   * serialise on it (the PATCH then refuses, or its values are deleted here), and take their locks
   * in the same order (a PATCH recording a new version updates the consent rows after the user's).
   * The user's row is always written, even when it holds no value: PATCH /me's one statement
   * (UsersService, OWN_PROFILE_UPDATE) refuses a row whose xmin changed since its snapshot, and that
   * write is what makes it refuse after waiting for this withdrawal.
   */
  @Transactional()
  async withdraw(userId: string): Promise<void> {
    await this.txHost.tx.query('SELECT 1 FROM app_user WHERE id = $1 FOR NO KEY UPDATE', [userId]);
    await this.txHost.tx.query('UPDATE demographic_consent SET withdrawn_at = now() WHERE user_id = $1 AND withdrawn_at IS NULL', [userId]);
    await this.txHost.tx.query('UPDATE app_user SET gender = NULL, birth_year = NULL, district = NULL, employer = NULL, updated_at = now() WHERE id = $1', [userId]);
  }
}
