import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { Principal, ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { AccessTokens } from './access-tokens.service';

const ALGORITHM = 'HS256';
const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/** What a link opens: its purpose (its own token audience, so a link is never an API token) and the one object it names. */
export interface LinkTarget {
  purpose: string;
  resourceId: string;
}

/**
 * Signed links for pages a browser opens without the API's bearer header (a cohort dashboard, a
 * submission's preview frame): a short-lived token naming one person and one object, under an
 * audience of the link's purpose. A link names the sign-in it was asked for in (`sid`, as an access
 * token does) and is checked the same way: opening one gives the holder as they are now — a
 * deactivated person's link, or one whose session has ended (sign-out, a password change
 * elsewhere), stops working at once — and the caller decides again, with the current roles, whether they may see it.
 * The one place such tokens are made and checked (issue 21: one place for each security rule).
 */
@Injectable()
export class ResourceLinks {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly accessTokens: AccessTokens,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  /** A token for `principal` to open `target` for `ttlSeconds` (or until their session ends), and when it stops working. */
  async issue(principal: Principal, target: LinkTarget, ttlSeconds: number): Promise<{ token: string; expiresAt: string }> {
    // A link outliving sign-out is what binding prevents; a principal without a named session (an
    // access token from before sessions were named) gets no link rather than an unbound one.
    if (!principal.sessionId) throw unauthorized('This session is too old to issue links; sign in again.');
    const token = await new SignJWT({ resource: target.resourceId, sid: principal.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.audienceOf(target.purpose))
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }

  /** The holder of a link to `target` with their current roles; 401 (`invalidDetail`) for a bad, expired or other object's token or an ended session, or an inactive account. */
  async holder(token: string, target: LinkTarget, invalidDetail: string): Promise<Principal> {
    let userId: string;
    let sessionId: string;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.audienceOf(target.purpose),
        requiredClaims: ['sub', 'exp', 'resource', 'sid'],
      });
      if (payload.resource !== target.resourceId) throw new Error('a link to another object');
      if (typeof payload.sid !== 'string') throw new Error('a link without its session');
      userId = payload.sub as string;
      sessionId = payload.sid;
    } catch {
      throw unauthorized(invalidDetail);
    }
    const current = await this.accessTokens.current(userId, sessionId);
    if (current === 'inactive') throw unauthorized('This account is not active.');
    // Signed out since: to the holder, the link has simply stopped working, like an expired one.
    if (current === 'ended') throw unauthorized(invalidDetail);
    return { userId, roles: current, sessionId };
  }

  private audienceOf(purpose: string): string {
    return `${this.config.JWT_AUDIENCE}:${purpose}`;
  }
}
