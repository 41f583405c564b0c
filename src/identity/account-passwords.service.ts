import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { notFound, ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { AuthRateLimiter } from './auth-rate-limiter.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens.service';

const wrongCurrentPassword = () =>
  new ProblemException(403, 'wrong-current-password', 'Forbidden', 'The current password is not correct; the password was not changed.');

/** Setting a password, by its owner (change) or through a one-time link (reset, see PasswordResets). */
@Injectable()
export class AccountPasswords {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokens,
    private readonly limiter: AuthRateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * The signed-in owner changes their password: the current one is required (a stolen access token
   * alone cannot take the account) and guesses count against the login limit, per user. Every other
   * session ends at once; the calling session goes on.
   */
  async change(userId: string, sessionId: string | undefined, currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
    await this.limiter.hit({ bucket: 'password-change', limit: this.config.LOGIN_RATE_LIMIT, windowMs: this.config.LOGIN_RATE_WINDOW_MS }, userId);
    return this.changeChecked(userId, sessionId, currentPassword, newPassword);
  }

  @Transactional()
  async changeChecked(userId: string, sessionId: string | undefined, currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
    // Locked: two changes at once cannot both pass the check against the same old password.
    const [row] = await this.txHost.tx.query('SELECT password_hash FROM app_user WHERE id = $1 AND active FOR UPDATE', [userId]);
    if (!row) throw notFound('User');
    if (!(await this.hasher.verify(row.password_hash, currentPassword))) throw wrongCurrentPassword();
    return { otherSessionsEnded: await this.set(userId, newPassword, sessionId) };
  }

  /**
   * Stores a new password and ends every session but `keepSessionId`; pending reset links and
   * invitations stop working (they would set the password again). Answers how many sessions ended.
   */
  @Transactional()
  async set(userId: string, password: string, keepSessionId?: string): Promise<number> {
    await this.txHost.tx.query('UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, await this.hasher.hash(password)]);
    await this.txHost.tx.query('UPDATE password_reset SET expires_at = now() WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()', [userId]);
    await this.txHost.tx.query('UPDATE invitation SET expires_at = now() WHERE user_id = $1 AND accepted_at IS NULL AND expires_at > now()', [userId]);
    return this.refreshTokens.revokeAllOf(userId, keepSessionId);
  }
}
