import { Injectable } from '@nestjs/common';
import { hasRole, Principal } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { ResourceLinks } from '../identity/identity.module';
import { ReportAccess } from './report-access.service';

const PURPOSE = 'dashboard';

/**
 * Signed links to one cohort's dashboard, for a browser that cannot send the API's bearer header:
 * identity's ResourceLinks, naming one cohort for DASHBOARD_LINK_TTL_SECONDS; on every load the
 * holder's current roles and status decide, as for an access token.
 */
@Injectable()
export class DashboardLinks {
  constructor(
    private readonly config: AppConfig,
    private readonly access: ReportAccess,
    private readonly links: ResourceLinks,
  ) {}

  async issue(principal: Principal, cohortId: string): Promise<{ url: string; expiresAt: string }> {
    await this.access.visibleCohort(principal, cohortId);
    const { token, expiresAt } = await this.links.issue(principal, { purpose: PURPOSE, resourceId: cohortId }, this.config.DASHBOARD_LINK_TTL_SECONDS);
    const base = this.config.PUBLIC_BASE_URL.replace(/\/$/, '');
    return { url: `${base}/dashboards/cohorts/${cohortId}?access=${token}`, expiresAt };
  }

  /** The holder of a link to this cohort, with their roles as they are now. */
  holder(token: string, cohortId: string): Promise<Principal> {
    return this.links.holder(token, { purpose: PURPOSE, resourceId: cohortId }, 'This dashboard link is not valid or has expired; ask for a new one.');
  }

  /** Readers of outcomes: the same roles as the report route. */
  static mayRead(principal: Principal): boolean {
    return hasRole(principal, 'admin', 'reviewer', 'instructor');
  }
}
