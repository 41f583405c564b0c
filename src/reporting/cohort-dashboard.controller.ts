import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CohortOutcomes } from './cohort-outcomes.service';
import { dashboardPage } from './formats/dashboard-page';

/**
 * The cohort dashboard, a server-rendered page outside /api/v1. It takes the same bearer token as
 * the API (Authorization header): a browser opens it through the front end or any client that sets
 * the header; no token ever travels in a URL.
 */
@ApiTags('reports')
@Controller('dashboards')
export class CohortDashboardController {
  constructor(private readonly outcomes: CohortOutcomes) {}

  @Get('cohorts/:id')
  @Roles('admin', 'reviewer', 'instructor')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  @ApiProduces('text/html')
  @ApiOperation({ summary: "A cohort's outcome dashboard as an HTML page with inline SVG charts" })
  async page(@Param('id', UuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return dashboardPage(await this.outcomes.forCohort(principal, id));
  }
}
