import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, notFound, ProblemException } from '@gds/http';
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
   * session ends at once; the calling session goes on. Both argon2id calls (checking the current
   * password, hashing the new one) run before the transaction: each may wait its turn behind sign-ins
   * (PasswordHasher), and inside it would hold a pool connection and the user's row lock meanwhile.
   */
  async change(userId: string, sessionId: string | undefined, currentPassword: string, newPassword: string): Promise<{ otherSessionsEnded: number }> {
    await this.limiter.hit({ bucket: 'password-change', limit: this.config.LOGIN_RATE_LIMIT, windowMs: this.config.LOGIN_RATE_WINDOW_MS }, userId);
    let newHash: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      const [row] = await this.txHost.tx.query('SELECT password_hash FROM app_user WHERE id = $1 AND active', [userId]);
      if (!row) throw notFound('User');
      if (!(await this.hasher.verify(row.password_hash, currentPassword))) throw wrongCurrentPassword();
      newHash ??= await this.hasher.hash(newPassword);
      const ended = await this.changeChecked(userId, sessionId, row.password_hash, newHash);
      if (ended !== undefined) return { otherSessionsEnded: ended };
    }
    throw conflict('password-changing', 'The password is being changed elsewhere at the same time; try again.');
  }

  /**
   * Stores `newHash` if the stored hash is still the one the current password was checked against;
   * answers undefined when it changed meanwhile (the caller checks again). Locked: two changes at
   * once cannot both pass the check against the same old password.
   */
  @Transactional()
  async changeChecked(userId: string, sessionId: string | undefined, checkedHash: string | null, newHash: string): Promise<number | undefined> {
    const [row] = await this.txHost.tx.query('SELECT password_hash FROM app_user WHERE id = $1 AND active FOR UPDATE', [userId]);
    if (!row) throw notFound('User');
    if (row.password_hash !== checkedHash) return undefined;
    return this.setHash(userId, newHash, sessionId);
  }

  /** Hashes a new password, before any transaction opens (see change). */
  hash(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /**
   * Stores a password hash (from `hash`) and ends every session but `keepSessionId`; pending reset
   * links and invitations stop working (they would set the password again). Answers how many
   * sessions ended.
   */
  @Transactional()
  async setHash(userId: string, passwordHash: string, keepSessionId?: string): Promise<number> {
    await this.txHost.tx.query('UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
    await this.txHost.tx.query('UPDATE password_reset SET expires_at = now() WHERE user_id = $1 AND used_at IS NULL AND expires_at > now()', [userId]);
    await this.txHost.tx.query('UPDATE invitation SET expires_at = now() WHERE user_id = $1 AND accepted_at IS NULL AND expires_at > now()', [userId]);
    return this.refreshTokens.revokeAllOf(userId, keepSessionId);
  }
}
