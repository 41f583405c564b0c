import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { Principal, ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from './user-directory.service';

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
 * audience of the link's purpose. Opening one gives the holder as they are now — a deactivated
 * person's link stops working — and the caller decides again, with the current roles, whether they may see it.
 * The one place such tokens are made and checked (issue 21: one place for each security rule).
 */
@Injectable()
export class ResourceLinks {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly directory: UserDirectory,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  /** A token for `principal` to open `target` for `ttlSeconds`, and when it stops working. */
  async issue(principal: Principal, target: LinkTarget, ttlSeconds: number): Promise<{ token: string; expiresAt: string }> {
    const token = await new SignJWT({ resource: target.resourceId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.audienceOf(target.purpose))
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }

  /** The holder of a link to `target` with their current roles; 401 (`invalidDetail`) for a bad, expired or other object's token, or an inactive account. */
  async holder(token: string, target: LinkTarget, invalidDetail: string): Promise<Principal> {
    let userId: string;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.audienceOf(target.purpose),
        requiredClaims: ['sub', 'exp', 'resource'],
      });
      if (payload.resource !== target.resourceId) throw new Error('a link to another object');
      userId = payload.sub as string;
    } catch {
      throw unauthorized(invalidDetail);
    }
    const person = await this.directory.findById(userId);
    if (!person?.active) throw unauthorized('This account is not active.');
    return { userId, roles: person.roles };
  }

  private audienceOf(purpose: string): string {
    return `${this.config.JWT_AUDIENCE}:${purpose}`;
  }
}
