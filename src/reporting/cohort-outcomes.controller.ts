import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContent, ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CohortOutcomes } from './cohort-outcomes.service';
import { ReportQuery } from './dto/report-query.dto';
import { CohortOutcomeReportView, CrossCohortReportView, ReportRefreshView } from './dto/outcome-report.dto';
import { cohortReportCsv, crossCohortCsv } from './formats/outcome-report-csv';
import { MinCellSize } from './min-cell-size';

@ApiTags('reports')
@Controller('reports')
export class CohortOutcomesController {
  constructor(
    private readonly outcomes: CohortOutcomes,
    private readonly minCellSize: MinCellSize,
  ) {}

  @Get('cohorts/:id/outcomes')
  @Roles('admin', 'reviewer', 'instructor')
  @ApiOperation({ summary: "A cohort's outcomes: per cohort, course and track, disaggregated with small-cell suppression" })
  @ApiContent(200, { 'application/json': CohortOutcomeReportView, 'text/csv': 'text' }, 'The report; as CSV with ?format=csv')
  @ApiProblems(400)
  async cohort(
    @Param('id', UuidParam()) id: string,
    @Query() query: ReportQuery,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CohortOutcomeReportView | string> {
    const report = await this.outcomes.forCohort(principal, id, this.minCellSize.check(query.k));
    if (query.format !== 'csv') return report;
    return csv(reply, `cohort-${id}-outcomes.csv`, cohortReportCsv(report));
  }

  @Post('cohorts/:id/refresh')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: "Recompute a cohort's report snapshot now (the worker does it; poll the report's asOf)" })
  @ApiAcceptedResponse({ type: ReportRefreshView })
  refresh(@Param('id', UuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<ReportRefreshView> {
    return this.outcomes.requestRefresh(principal, id);
  }

  @Get('outcomes')
  @Roles('admin', 'reviewer', 'instructor')
  @ApiOperation({ summary: 'Outcomes across every cohort the caller may see, each and pooled' })
  @ApiContent(200, { 'application/json': CrossCohortReportView, 'text/csv': 'text' }, 'The report; as CSV with ?format=csv')
  @ApiProblems(400)
  async across(@Query() query: ReportQuery, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<CrossCohortReportView | string> {
    const report = await this.outcomes.acrossCohorts(principal, this.minCellSize.check(query.k));
    if (query.format !== 'csv') return report;
    return csv(reply, 'outcomes.csv', crossCohortCsv(report));
  }
}

function csv(reply: FastifyReply, filename: string, body: string): string {
  reply.header('content-type', 'text/csv; charset=utf-8; header=present');
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}
