import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest } from '@gds/http';
import { Outbox } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { AccountPasswords } from './account-passwords.service';
import { AuthRateLimiter } from './auth-rate-limiter.service';
import { clientSubnet } from './client-subnet';
import { parseSecretToken, sha256Hex } from './secret-token';

/** The life of a reset link, from the request. */
export const PASSWORD_RESET_TTL_MINUTES = 30;

const invalidResetToken = () =>
  badRequest('invalid-reset-token', 'This password reset link is not valid: it was used already, has expired or was replaced by a newer one. Ask for a new one.');

/**
 * Password reset by email. Asking answers the same whether or not an account uses the address,
 * after the same statements (see `record`); the email, with a link that works once for 30 minutes,
 * is sent by the worker, which chooses the link's secret as it sends (AccountEmailTokens).
 */
@Injectable()
export class PasswordResets {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly passwords: AccountPasswords,
    private readonly limiter: AuthRateLimiter,
    private readonly config: AppConfig,
  ) {}

  async request(email: string, clientAddress: string): Promise<void> {
    const windowMs = this.config.PASSWORD_RESET_RATE_WINDOW_MS;
    await this.limiter.hit({ bucket: 'password-reset:address', limit: this.config.PASSWORD_RESET_LIMIT_PER_ADDRESS, windowMs }, clientSubnet(clientAddress));
    await this.limiter.hit({ bucket: 'password-reset:email', limit: this.config.PASSWORD_RESET_LIMIT_PER_EMAIL, windowMs }, email.trim().toLowerCase());
    await this.record(email);
  }

  /**
   * One statement finds the active account of the address (if any), retires its earlier links and
   * records the new request; then a `send-account-email` job is published either way (for an unknown
   * address its id names nothing and the worker does nothing). So both answers cost the same round
   * trips and the same commit, and their timing tells nothing.
   */
  @Transactional()
  async record(email: string): Promise<void> {
    const id = randomUUID();
    await this.txHost.tx.query(
      `WITH target AS (
         SELECT id FROM app_user WHERE lower(email) = lower($2) AND active
       ), retired AS (
         UPDATE password_reset SET expires_at = now()
          WHERE user_id IN (SELECT id FROM target) AND used_at IS NULL AND expires_at > now()
       )
       INSERT INTO password_reset (id, user_id, expires_at)
       SELECT $1, id, now() + $3 * interval '1 minute' FROM target`,
      [id, email.trim(), PASSWORD_RESET_TTL_MINUTES],
    );
    await this.outbox.publish('send-account-email', { kind: 'password-reset', id });
  }

  /**
   * Spends a reset link: sets the password and ends every session of the account. The new password
   * is hashed before the transaction (argon2id waits its turn behind sign-ins; inside, it would hold
   * a pool connection and the link's row lock), and only for a link that looks spendable, so that
   * made-up links cost no hashing; the link is claimed for good inside the transaction.
   */
  async complete(token: string, password: string): Promise<{ userId: string; email: string }> {
    const parts = parseSecretToken(token);
    if (!parts) throw invalidResetToken();
    const secretHash = sha256Hex(parts.secret);
    const usable: unknown[] = await this.txHost.tx.query(
      'SELECT 1 FROM password_reset WHERE id = $1 AND secret_hash = $2 AND used_at IS NULL AND expires_at > now()',
      [parts.id, secretHash],
    );
    if (usable.length === 0) throw invalidResetToken();
    return this.claim(parts.id, secretHash, await this.passwords.hash(password));
  }

  @Transactional()
  private async claim(id: string, secretHash: string, passwordHash: string): Promise<{ userId: string; email: string }> {
    const claimed = await this.txHost.tx.query(
      `UPDATE password_reset r SET used_at = now() FROM app_user u
        WHERE r.id = $1 AND r.secret_hash = $2 AND r.used_at IS NULL AND r.expires_at > now() AND u.id = r.user_id AND u.active
        RETURNING r.user_id, u.email`,
      [id, secretHash],
    );
    const row = claimed[0][0];
    if (!row) throw invalidResetToken();
    await this.passwords.setHash(row.user_id, passwordHash);
    return { userId: row.user_id, email: row.email };
  }
}
