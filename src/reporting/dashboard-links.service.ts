import { Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { hasRole, Principal, ProblemException } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { ReportAccess } from './report-access.service';

const ALGORITHM = 'HS256';
const unauthorized = (detail: string) => new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

/**
 * Signed links to one cohort's dashboard, for a browser that cannot send the API's bearer header.
 * The link token has its own audience (it is never an API token), names one cohort, lives minutes,
 * and on every load the holder's current roles and status decide, as for an access token.
 */
@Injectable()
export class DashboardLinks {
  private readonly key: Uint8Array;

  constructor(
    private readonly config: AppConfig,
    private readonly access: ReportAccess,
    private readonly directory: UserDirectory,
  ) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  private get audience(): string {
    return `${this.config.JWT_AUDIENCE}:dashboard`;
  }

  async issue(principal: Principal, cohortId: string): Promise<{ url: string; expiresAt: string }> {
    await this.access.visibleCohort(principal, cohortId);
    const ttl = this.config.DASHBOARD_LINK_TTL_SECONDS;
    const token = await new SignJWT({ cohort: cohortId })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(this.config.JWT_ISSUER)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttl}s`)
      .sign(this.key);
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    return { url: `${base}/dashboards/cohorts/${cohortId}?access=${token}`, expiresAt: new Date(Date.now() + ttl * 1000).toISOString() };
  }

  /** The holder of a link to this cohort, with their roles as they are now. */
  async holder(token: string, cohortId: string): Promise<Principal> {
    let userId: string;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: this.config.JWT_ISSUER,
        audience: this.audience,
        requiredClaims: ['sub', 'exp', 'cohort'],
      });
      if (payload.cohort !== cohortId) throw new Error('another cohort');
      userId = payload.sub as string;
    } catch {
      throw unauthorized('This dashboard link is not valid or has expired; ask for a new one.');
    }
    const person = await this.directory.findById(userId);
    if (!person?.active) throw unauthorized('This account is not active.');
    return { userId, roles: person.roles };
  }

  /** Readers of outcomes: the same roles as the report route. */
  static mayRead(principal: Principal): boolean {
    return hasRole(principal, 'admin', 'reviewer', 'instructor');
  }
}
