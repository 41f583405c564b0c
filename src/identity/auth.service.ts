import { Injectable } from '@nestjs/common';
import { Transactional } from '@gds/database';
import { ProblemException } from '@gds/http';
import { AccessTokens } from './access-tokens.service';
import { IssuedRefreshToken, RefreshTokens, REPLAY_REFUSED } from './refresh-tokens.service';
import { PasswordHasher } from './password-hasher';
import { UsersService } from './users.service';
import type { User } from './user.entity';
import type { Language } from './languages';

/** A signed-in session: what both the token routes and the browser (cookie) routes answer from. */
export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
  user: Pick<User, 'id' | 'displayName' | 'roles' | 'language'>;
}

type SessionUser = Session['user'];

const wrongCredentials = () =>
  new ProblemException(401, 'invalid-credentials', 'Unauthorized', 'The email or password is not correct.');

const invalidRefreshToken = () =>
  new ProblemException(401, 'invalid-refresh-token', 'Unauthorized', 'The refresh token is not valid.');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  /** Not in a transaction of its own: UsersService.create hashes the password before its transaction starts. */
  async register(input: { email: string; password: string; displayName: string; language?: Language }): Promise<User> {
    const { user } = await this.users.create({ ...input, roles: ['trainee'] }, null);
    return user;
  }

  /**
   * An unknown email, an inactive account and a wrong password all answer alike, in alike time. The
   * hash is checked outside any transaction: argon2id is slow on purpose (and queues for libuv's
   * threads), and a transaction would hold one of the pool's connections all that time, so a burst
   * of sign-ins starved every other request of connections (503 after DATABASE_CONNECT_TIMEOUT_MS).
   * Its writes are one statement (RefreshTokens.startFamily), so no transaction at all: two named
   * statements, where the entity read and BEGIN, INSERT, COMMIT were four (issue 23).
   */
  async login(email: string, password: string): Promise<Session> {
    const user = await this.users.findSignIn(email);
    const matches = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !matches || !user.active) throw wrongCredentials();
    return this.sessionOf(user, await this.refreshTokens.startFamily(user.id));
  }

  /**
   * Most refreshes present an unused token: one statement spends it (RefreshTokens.rotateUnspent).
   * Everything else (replays, the grace window, invalid tokens) takes the transaction below.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const quick = await this.refreshTokens.rotateUnspent(refreshToken);
    if (quick) return this.sessionOf(quick.user as SessionUser, quick.rotated.successor);
    const session = await this.rotateAndIssue(refreshToken);
    // Refused only now, after the transaction that revoked the replayed token's family has committed.
    if (session === REPLAY_REFUSED) throw invalidRefreshToken();
    return session;
  }

  @Transactional()
  private async rotateAndIssue(refreshToken: string): Promise<Session | typeof REPLAY_REFUSED> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    if (rotated === REPLAY_REFUSED) return rotated;
    const user = await this.users.get(rotated.userId);
    if (!user.active) throw invalidRefreshToken();
    return this.sessionOf(user, rotated.successor);
  }

  @Transactional()
  async logout(userId: string, refreshToken: string): Promise<void> {
    const familyId = await this.refreshTokens.familyOf(refreshToken, userId);
    await this.refreshTokens.revokeFamily(familyId);
  }

  /** Ends the session a (browser's) refresh token belongs to; false when there was no live session. */
  @Transactional()
  async endSession(refreshToken: string): Promise<boolean> {
    const familyId = await this.refreshTokens.familyOfAny(refreshToken);
    return familyId ? this.refreshTokens.revokeFamily(familyId) : false;
  }

  private async sessionOf(user: SessionUser, refresh: IssuedRefreshToken): Promise<Session> {
    const { accessToken, expiresIn } = await this.accessTokens.issue(user.id, refresh.familyId);
    return {
      accessToken,
      expiresIn,
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt,
      sessionId: refresh.familyId,
      user: { id: user.id, displayName: user.displayName, roles: user.roles, language: user.language },
    };
  }
}
