import { createHmac, createSecretKey, KeyObject, randomUUID, webcrypto } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { driverPool, namedStatement, NamedStatement, PoolReader } from '@gds/database';
import { AccessTokenVerifier, isRole, Principal, ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { PROFILE_SELECT } from './profile-columns';
import { AccessStandingCache, Standing } from './access-standing-cache';

const ALGORITHM = 'HS256';
/** Every token's protected header, as base64url of the JSON jose wrote for it. */
const SIGNED_HEADER = Buffer.from(JSON.stringify({ alg: ALGORITHM, typ: 'JWT' })).toString('base64url');
const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/** Tokens whose signature and claims were checked, kept until they expire (at most this many, least recently used out). */
const VERIFIED_TOKENS = 10_000;

interface VerifiedClaims {
  userId: string;
  sessionId: string | undefined;
  /** The token's `exp`, in seconds since the epoch. */
  exp: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SESSION_ENDED = `EXISTS (SELECT 1 FROM refresh_token WHERE $2::uuid IS NOT NULL AND family_id = $2::uuid AND revoked_at IS NOT NULL) AS ended`;

/** Every authenticated request's first statement: a named statement (parsed once per connection). */
export const CURRENT_PRINCIPAL = namedStatement('access:current-principal', `SELECT roles, active, ${SESSION_ENDED} FROM app_user WHERE id = $1`);

/**
 * The same check answering the caller's profile too, for GET /me (`@Authenticated({ ownProfile: true })`):
 * the route's only other statement read the same row (issue 23: about a fifth of the load run's requests).
 */
export const CURRENT_PRINCIPAL_WITH_PROFILE = namedStatement(
  'access:current-principal-with-profile',
  `SELECT ${PROFILE_SELECT}, ${SESSION_ENDED} FROM app_user WHERE id = $1`,
);

interface CurrentRow {
  roles: string[];
  active: boolean;
  ended: boolean;
}

/**
 * Short-lived access tokens (JWT, HS256). Verification pins the algorithm, issuer and audience,
 * then judges the user's current roles and status (read, or from AccessStandingCache: a change is
 * forgotten at its commit in this process, at its NOTIFY, milliseconds later, in others): a deactivated user's tokens stop working at
 * once and a role change applies to the next request. A token names its session (`sid`, the refresh
 * token family of its sign-in): once that session ends (sign-out, a password change elsewhere, a
 * leaked refresh token) its access tokens stop working too, in the same query.
 */
@Injectable()
export class AccessTokens extends AccessTokenVerifier {
  /** Imported once: jose would otherwise import the raw secret as a CryptoKey on every request it verifies. */
  private readonly verifyKey: Promise<webcrypto.CryptoKey>;
  private readonly signKey: KeyObject;
  private readonly pool: PoolReader;
  /**
   * Verified tokens by their exact text. Whether a token's signature, algorithm, issuer and audience
   * hold depends on its text alone, so the HMAC (about a tenth of GET /me's CPU, issue 23) is checked
   * once per token; expiry is checked on every use, and the user's status, roles and session (what
   * can change while a token lives) are judged on every request below (`current`: read, or answered
   * by AccessStandingCache while its invalidation feed is live).
   */
  private readonly verified = new LRUCache<string, VerifiedClaims>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly config: AppConfig,
    dataSource: DataSource,
    private readonly standings: AccessStandingCache,
  ) {
    super();
    this.pool = driverPool(dataSource);
    const key = new TextEncoder().encode(config.JWT_SECRET);
    this.verifyKey = webcrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    this.signKey = createSecretKey(key);
  }

  /**
   * A compact HS256 JWS, signed here with node's synchronous HMAC: the same header and claims, in the
   * same order, as jose's SignJWT made (and verify still checks with jose), without its builder and
   * WebCrypto's promise round trip through the thread pool (issue 23: a refresh's api CPU). The token
   * is a fresh, genuine one, so it goes straight into `verified`: the session's next request does
   * not check the signature just made.
   */
  async issue(userId: string, sessionId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const expiresIn = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + expiresIn;
    const claims = {
      sid: sessionId,
      sub: userId,
      // Unique per token: two refreshes in the same second would otherwise mint the same string, and
      // a client that was refused the first could not tell the second from it (issue 14, the two-tab race).
      jti: randomUUID(),
      iss: this.config.JWT_ISSUER,
      aud: this.config.JWT_AUDIENCE,
      iat,
      exp,
    };
    const signed = `${SIGNED_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const accessToken = `${signed}.${createHmac('sha256', this.signKey).update(signed).digest('base64url')}`;
    this.verified.set(accessToken, { userId, sessionId, exp });
    return { accessToken, expiresIn };
  }

  async verify(token: string, withProfile = false): Promise<Principal> {
    const { userId, sessionId } = await this.claims(token);
    if (withProfile) {
      // Never from the cache: the one statement both checks and answers the profile; its answer refreshes the entry.
      const generation = this.standings.generation();
      const row = await this.currentRow(CURRENT_PRINCIPAL_WITH_PROFILE, userId, sessionId);
      const current = standing(row);
      this.standings.store(userId, sessionId, current, generation);
      const roles = granted(current);
      const { ended: _, ...profile } = row!;
      return { userId, roles, ...(sessionId ? { sessionId } : {}), profile };
    }
    const roles = granted(await this.current(userId, sessionId));
    return { userId, roles, ...(sessionId ? { sessionId } : {}) };
  }

  /**
   * The person's roles now, or why a credential of theirs no longer stands: 'inactive' (no such
   * account, or deactivated) or 'ended' (`sessionId` names a sign-in that has ended). One query, or
   * none when AccessStandingCache knows the answer (kept true by the triggers' notifications, see
   * AccessStandingListener); signed page links (ResourceLinks) ask it too, so a link stops working
   * with its session.
   */
  async current(userId: string, sessionId: string | undefined): Promise<Standing> {
    const known = this.standings.get(userId, sessionId);
    if (known !== undefined) return known;
    const generation = this.standings.generation();
    const current = standing(await this.currentRow(CURRENT_PRINCIPAL, userId, sessionId));
    this.standings.store(userId, sessionId, current, generation);
    return current;
  }

  private async currentRow<Row extends CurrentRow>(statement: NamedStatement, userId: string, sessionId: string | undefined): Promise<Row | undefined> {
    if (!UUID.test(userId) || (sessionId !== undefined && !UUID.test(sessionId))) return undefined;
    // The session check probes a partial index of revoked families (refresh_token_revoked_family_idx).
    const rows = await this.pool.query<Row>(statement, [userId, sessionId ?? null]);
    return rows[0];
  }

  /** The token's subject and session once its signature and claims hold; a token seen before is only checked for expiry. */
  private async claims(token: string): Promise<VerifiedClaims> {
    const known = this.verified.get(token);
    if (known) {
      // jose's own rule (no clock tolerance): expired once the current second reaches `exp`.
      if (Math.floor(Date.now() / 1000) < known.exp) return known;
      this.verified.delete(token);
      throw unauthorized('The access token has expired; refresh it.');
    }
    let claims: VerifiedClaims;
    try {
      const { payload } = await jwtVerify(token, await this.verifyKey, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      claims = { userId: payload.sub as string, sessionId: payload.sid as string | undefined, exp: payload.exp as number };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired; refresh it.');
      throw unauthorized('The access token is not valid.');
    }
    if (!UUID.test(claims.userId)) throw unauthorized('The access token is not valid.');
    const sessionId: unknown = claims.sessionId;
    if (sessionId !== undefined && (typeof sessionId !== 'string' || !UUID.test(sessionId))) throw unauthorized('The access token is not valid.');
    this.verified.set(token, claims);
    return claims;
  }
}

/** The roles a standing grants, or the 401 for a missing or deactivated account or an ended session. */
function granted(current: Standing): Principal['roles'] {
  if (current === 'inactive') throw unauthorized('This account is not active.');
  if (current === 'ended') throw unauthorized('This session has ended; sign in again.');
  return current;
}

function standing(row: CurrentRow | undefined): Standing {
  if (!row || !row.active) return 'inactive';
  if (row.ended) return 'ended';
  // Roles come from a CHECK-constrained column; one the code does not know grants nothing.
  return row.roles.filter(isRole);
}
