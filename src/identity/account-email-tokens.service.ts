import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import type { AccountEmailKind } from '@gds/queue';
import type { Language } from './languages';
import { newSecret, sha256Hex } from './secret-token';

/** What the email of an invitation or a password reset needs; `token` exists nowhere else. */
export interface AccountEmailGrant {
  email: string;
  displayName: string;
  language: Language;
  timeZone: string;
  token: string;
  expiresAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TABLES: Record<AccountEmailKind, { table: string; spentColumn: string }> = {
  invitation: { table: 'invitation', spentColumn: 'accepted_at' },
  'password-reset': { table: 'password_reset', spentColumn: 'used_at' },
};

/**
 * For the notification module's account emails: chooses the secret of an invitation's or a reset's
 * link at the moment the email is sent, stores only its hash (committed before the email leaves, so
 * the link works when it arrives) and hands the token to the sender alone. A second call (a retried
 * job) chooses a new secret: only the latest email's link works. Answers null when the invitation
 * or reset no longer asks for an email (spent, expired, replaced, unknown, account inactive).
 */
@Injectable()
export class AccountEmailTokens {
  constructor(private readonly txHost: AppTransactionHost) {}

  @Transactional()
  async mint(kind: AccountEmailKind, id: string): Promise<AccountEmailGrant | null> {
    const { table, spentColumn } = TABLES[kind] ?? {};
    if (!table || !UUID.test(id)) return null;
    const secret = newSecret();
    const updated = await this.txHost.tx.query(
      `UPDATE ${table} t SET secret_hash = $2, sent_at = now() FROM app_user u
        WHERE t.id = $1 AND u.id = t.user_id AND u.active AND t.${spentColumn} IS NULL AND t.expires_at > now()
        RETURNING u.email, u.display_name, u.language, u.time_zone, t.expires_at`,
      [id, sha256Hex(secret)],
    );
    const row = updated[0][0];
    if (!row) return null;
    return { email: row.email, displayName: row.display_name, language: row.language, timeZone: row.time_zone, token: `${id}.${secret}`, expiresAt: row.expires_at };
  }
}
