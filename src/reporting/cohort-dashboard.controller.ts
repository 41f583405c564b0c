import { Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ApiText, CurrentPrincipal, forbidden, Principal, ProblemException, Public, Roles, UuidParam } from '@gds/http';
import { CohortOutcomes } from './cohort-outcomes.service';
import { DashboardLinks } from './dashboard-links.service';
import { DashboardQuery } from './dto/dashboard-query.dto';
import { DashboardLinkView } from './dto/outcome-report.dto';
import { dashboardPage } from './formats/dashboard-page';

/**
 * The cohort dashboard, a server-rendered page outside /api/v1. Public as a route because a
 * browser opens it with a signed link (?access=) rather than a bearer header; the handler admits
 * only a valid link or bearer token of a reader of outcomes.
 */
@ApiTags('reports')
@Controller()
export class CohortDashboardController {
  constructor(
    private readonly outcomes: CohortOutcomes,
    private readonly links: DashboardLinks,
  ) {}

  @Post('reports/cohorts/:id/dashboard-link')
  @Roles('admin', 'reviewer', 'instructor')
  @HttpCode(201)
  @ApiOperation({ summary: "A short-lived signed link to the cohort's dashboard page, for a browser" })
  @ApiCreatedResponse({ type: DashboardLinkView })
  link(@Param('id', UuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<DashboardLinkView> {
    return this.links.issue(principal, id);
  }

  @Get('dashboards/cohorts/:id')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Header('referrer-policy', 'no-referrer')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  @ApiOperation({ summary: "A cohort's outcome dashboard as an HTML page with inline SVG charts (signed link or bearer token)" })
  @ApiText('text/html', 'The dashboard page')
  @ApiProblems(400, 401, 403)
  async page(@Param('id', UuidParam()) id: string, @Query() query: DashboardQuery, @CurrentPrincipal() bearer?: Principal): Promise<string> {
    const principal = bearer ?? (query.access ? await this.links.holder(query.access, id) : undefined);
    if (!principal) throw new ProblemException(401, 'unauthorized', 'Unauthorized', 'Open this page through a dashboard link, or send a bearer token.');
    if (!DashboardLinks.mayRead(principal)) throw forbidden('This needs one of the roles: admin, reviewer, instructor.');
    return dashboardPage(await this.outcomes.forCohort(principal, id));
  }
}
