import { Injectable } from '@nestjs/common';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { ProblemException } from '@gds/http';
import { AppTransactionHost, DirectReads, namedStatement } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { RefreshToken } from './refresh-token.entity';
import { deriveKey } from './derived-keys';
import { RefreshSuccessor, RefreshTokenParts } from './refresh-successor';
import { newSecret, parseSecretToken, sha256Hex as sha256 } from './secret-token';
import { AccessStandingChanges } from './access-standing-changes';

const invalid = () => new ProblemException(401, 'invalid-refresh-token', 'Unauthorized', 'The refresh token is not valid.');

/** Successors followed at most when a token is replayed in its grace window (tabs rarely rotate more than once in it). */
const MAX_GRACE_HOPS = 5;

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

/** A used token presented again too late: its family has been revoked (in the caller's transaction). */
export const REPLAY_REFUSED = 'replay-refused' as const;

export interface RotatedRefreshToken {
  userId: string;
  familyId: string;
  successor: IssuedRefreshToken;
}

/** What a session answers of its (active) user, read by the rotation's own statement. */
export interface RotationUser {
  id: string;
  displayName: string;
  roles: string[];
  language: string;
}

/** POST /auth/refresh's one statement (see rotateUnspent): a named statement (parsed once per connection). */
const ROTATE_UNSPENT = namedStatement(
  'identity:rotate-unspent-refresh-token',
  `WITH claimed AS (
     UPDATE refresh_token t SET used_at = now()
      WHERE t.id = $1 AND t.secret_hash = $2 AND t.used_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()
        AND EXISTS (SELECT 1 FROM app_user u WHERE u.id = t.user_id AND u.active)
      RETURNING t.user_id, t.family_id
   ), successor AS (
     INSERT INTO refresh_token (id, family_id, user_id, secret_hash, expires_at)
     SELECT $3, family_id, user_id, $4, $5 FROM claimed
   )
   SELECT c.family_id AS "familyId", u.id, u.display_name AS "displayName", u.roles, u.language
     FROM claimed c JOIN app_user u ON u.id = c.user_id`,
);

/**
 * A new token row (a sign-in's first, a rotation's successor in a transaction), a named statement: the
 * entity insert it replaced was sent as text and answered columns nobody read.
 */
const INSERT_TOKEN = namedStatement(
  'identity:insert-refresh-token',
  'INSERT INTO refresh_token (id, family_id, user_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
);

/**
 * Opaque refresh tokens `<id>.<secret>` that rotate on every use; the tokens of one sign-in form a
 * family. A token's successor is derived from it (RefreshSuccessor), so presenting a used token
 * again within REFRESH_REUSE_GRACE_SECONDS answers the family's current token; later, it means the
 * token leaked and the whole family is revoked.
 */
@Injectable()
export class RefreshTokens {
  private readonly successors: RefreshSuccessor;

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
    private readonly reads: DirectReads,
    private readonly standing: AccessStandingChanges,
  ) {
    this.successors = new RefreshSuccessor(deriveKey(config.JWT_SECRET, 'refresh-token successor'));
  }

  /**
   * The common case of a refresh in one statement: a genuine, unused, unrevoked, unexpired token of
   * an active user is spent, its successor stored and the user's session fields read, all or nothing
   * (one statement is one transaction; outside a @Transactional() call it goes straight to the pool,
   * so no connection is held across event-loop turns). Null for anything else — a used token (a
   * replay, maybe in its grace window), a revoked or expired one, a wrong secret, an inactive user,
   * a concurrent rotation that spent it first — which `rotate` then decides in a transaction exactly
   * as before; this path only ever spends a token `rotate` would have spent.
   * The secret is matched by its sha256 in SQL: the stored value is a hash of a 256-bit random
   * secret, so how long a comparison takes tells nothing usable about the secret.
   */
  async rotateUnspent(token: string): Promise<{ rotated: RotatedRefreshToken; user: RotationUser } | null> {
    const parts = parseSecretToken(token);
    if (!parts) return null;
    const next = this.successors.of(token);
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    const params = [parts.id, sha256(parts.secret), next.id, sha256(next.secret), expiresAt];
    const rows = await this.reads.write<RotationUser & { familyId: string }>(ROTATE_UNSPENT, params);
    if (rows.length === 0) return null;
    const { familyId, ...user } = rows[0];
    return { rotated: { userId: user.id, familyId, successor: { token: next.token, familyId, expiresAt } }, user };
  }

  /**
   * The first token of a new family (a sign-in): one INSERT, a named statement; on the pool (a
   * transaction of its own) or in the caller's transaction (DirectReads.write).
   */
  async startFamily(userId: string): Promise<IssuedRefreshToken> {
    const id = randomUUID();
    const secret = newSecret();
    return this.store(userId, randomUUID(), { id, secret, token: `${id}.${secret}` });
  }

  /**
   * Spends a token and answers its successor, or refuses (see the class comment for a replay): an
   * invalid token throws; a replay past the grace window revokes the family and answers
   * REPLAY_REFUSED, so the caller commits the revocation before it refuses.
   */
  async rotate(token: string): Promise<RotatedRefreshToken | typeof REPLAY_REFUSED> {
    const row = await this.find(token);
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalid();
    const next = this.successors.of(token);
    // A concurrent rotation of the same token waits here for the first one's commit, then finds it used.
    const claimed = await this.txHost.tx.query('UPDATE refresh_token SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id', [row.id]);
    if (claimed[0].length > 0) {
      return { userId: row.userId, familyId: row.familyId, successor: await this.store(row.userId, row.familyId, next) };
    }
    const current = await this.currentOfReplayed(row, next);
    if (current) return { userId: row.userId, familyId: row.familyId, successor: current };
    // In the caller's transaction, which must commit it and refuse only afterwards (REPLAY_REFUSED). Not
    // on another connection: the claim above may have left this transaction holding the token's row
    // lock (an UPDATE that waited and then failed its re-check keeps the lock), and a second
    // connection revoking that row would wait for this transaction forever.
    await this.txHost.tx.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.familyId]);
    this.standing.changed(row.userId);
    return REPLAY_REFUSED;
  }

  /**
   * For a used token presented again within the grace window: the family's current (unused) token,
   * reached by deriving successors, or null when the window has passed or the family has ended.
   */
  private async currentOfReplayed(row: RefreshToken, next: RefreshTokenParts): Promise<IssuedRefreshToken | null> {
    // A fresh read, on the database's clock: the first use may have committed while this one waited.
    const [state] = await this.txHost.tx.query(
      `SELECT revoked_at IS NOT NULL AS revoked, used_at > now() - $2 * interval '1 second' AS in_grace FROM refresh_token WHERE id = $1`,
      [row.id, this.config.REFRESH_REUSE_GRACE_SECONDS],
    );
    if (!state || state.revoked || !state.in_grace) return null;
    let candidate = next;
    for (let hop = 0; hop < MAX_GRACE_HOPS; hop++) {
      const [link] = await this.txHost.tx.query(
        `SELECT used_at, revoked_at, expires_at FROM refresh_token WHERE id = $1 AND family_id = $2 AND secret_hash = $3`,
        [candidate.id, row.familyId, sha256(candidate.secret)],
      );
      if (!link || link.revoked_at || link.expires_at.getTime() <= Date.now()) return null;
      if (!link.used_at) return { token: candidate.token, familyId: row.familyId, expiresAt: link.expires_at };
      candidate = this.successors.of(candidate.token);
    }
    return null;
  }

  /** The token's family, if the token is genuine and belongs to this user. */
  async familyOf(token: string, userId: string): Promise<string> {
    const row = await this.find(token);
    if (!row || row.userId !== userId) throw invalid();
    return row.familyId;
  }

  /** The family of a genuine token (used, expired or not), or null. */
  async familyOfAny(token: string): Promise<string | null> {
    return (await this.find(token))?.familyId ?? null;
  }

  /** Answers whether the family was still live (had a token not yet revoked). */
  async revokeFamily(familyId: string): Promise<boolean> {
    const revoked: [Array<{ user_id: string }>, number] = await this.txHost.tx.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING user_id', [familyId]);
    if (revoked[0].length > 0) this.standing.changed(revoked[0][0].user_id);
    return revoked[0].length > 0;
  }

  /** Ends every session of a user, but the one named (the session changing its password); answers how many ended. */
  async revokeAllOf(userId: string, exceptFamilyId?: string): Promise<number> {
    const [row] = await this.txHost.tx.query(
      `WITH ended AS (
         UPDATE refresh_token SET revoked_at = now()
          WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
          RETURNING family_id, expires_at
       )
       SELECT count(DISTINCT family_id) FILTER (WHERE expires_at > now())::int AS sessions FROM ended`,
      [userId, exceptFamilyId ?? null],
    );
    this.standing.changed(userId);
    return row.sessions;
  }

  private async store(userId: string, familyId: string, parts: RefreshTokenParts): Promise<IssuedRefreshToken> {
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.reads.write(INSERT_TOKEN, [parts.id, familyId, userId, sha256(parts.secret), expiresAt]);
    return { token: parts.token, familyId, expiresAt };
  }

  private async find(token: string): Promise<RefreshToken | null> {
    const parts = parseSecretToken(token);
    if (!parts) return null;
    const row = await this.txHost.tx.getRepository(RefreshToken).findOneBy({ id: parts.id });
    if (!row) return null;
    const expected = Buffer.from(row.secretHash, 'hex');
    const given = Buffer.from(sha256(parts.secret), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given) ? row : null;
  }
}
