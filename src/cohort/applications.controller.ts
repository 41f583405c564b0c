import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiContent, ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { ApplicationReviewPageView } from './dto/selection.dto';
import { SelectionWorkbench } from './selection-workbench.service';
import { ApplicationsService } from './applications.service';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationView, ApplyDto, BulkDecisionDto, BulkDecisionResultsView, DecisionDto, DecisionRecordView, ListApplicationsQuery, ScoreDto } from './dto/application.dto';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: ApplicationDecisions,
    private readonly workbench: SelectionWorkbench,
  ) {}

  @Post('cohorts/:id/applications')
  @Roles('trainee')
  @ApiOperation({ summary: 'Apply while applications are open: a statement and answers to the cohort’s questions (one per trainee)' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiProblems(404, 409, 422)
  async apply(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ApplyDto): Promise<ApplicationView> {
    return this.applications.apply(principal.userId, id, body);
  }

  @Get('cohorts/:id/applications')
  @Roles('admin', 'instructor')
  @ApiOperation({
    summary: 'The selection workbench (admins, the cohort’s instructors): applications with applicant, scores, rank with ties and possible duplicates; search, filter, sort; ?format=csv exports every match (e.g. the shortlist: ?status=shortlisted&format=csv)',
  })
  @ApiContent(200, { 'application/json': ApplicationReviewPageView, 'text/csv': 'text' }, 'A page; every matching application as CSV with ?format=csv')
  @ApiProblems(400, 404)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam()) id: string,
    @Query() query: ListApplicationsQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationReviewPageView | string> {
    if (query.format !== 'csv') return this.workbench.list(principal, id, query);
    const csv = await this.workbench.csv(principal, id, query); // first: a 404 must not carry CSV headers
    reply.header('content-type', 'text/csv; charset=utf-8; header=present');
    reply.header('content-disposition', `attachment; filename="cohort-${id}-applications${query.status ? `-${query.status}` : ''}.csv"`);
    return csv;
  }

  @Post('cohorts/:id/decisions')
  @Roles('admin', 'instructor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bulk decisions: each item decided alone, answered with its own status' })
  @ApiOkResponse({ type: BulkDecisionResultsView })
  @ApiProblems(404)
  async bulk(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: BulkDecisionDto): Promise<BulkDecisionResultsView> {
    return { results: await this.decisions.decideMany(principal, id, body.items) };
  }

  @Get('me/applications')
  @Roles('trainee')
  @ApiOperation({ summary: 'Own applications, newest first, a page at a time' })
  @ApiPage(ApplicationView)
  @ApiProblems(400)
  async mine(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<ApplicationView>> {
    return this.applications.mine(principal.userId, query);
  }

  @Get('applications/:id')
  @Roles('trainee', 'admin', 'instructor')
  @ApiOperation({ summary: 'One application: its applicant, admins and the cohort’s instructors' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<ApplicationView> {
    return this.applications.get(principal, id);
  }

  @Get('applications/:id/decisions')
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'The audit trail of an application, oldest first, a page at a time' })
  @ApiPage(DecisionRecordView)
  @ApiProblems(400, 404)
  async trail(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<Page<DecisionRecordView>> {
    return this.applications.trail(principal, id, query);
  }

  @Post('applications/:id/withdraw')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404, 422)
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<ApplicationView> {
    return this.applications.withdraw(principal.userId, id);
  }

  @Post('applications/:id/score')
  @Roles('admin', 'instructor')
  @HttpCode(200)
  @ApiOperation({ summary: 'The single score (0–100) of an application of a cohort without a rubric; 409 rubric-in-use once the cohort has one' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404, 409)
  async score(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ScoreDto): Promise<ApplicationView> {
    return this.applications.score(principal, id, body);
  }

  @Post('applications/:id/decision')
  @Roles('admin', 'instructor')
  @HttpCode(200)
  @ApiOperation({ summary: 'shortlist | accept | waitlist (rank) | reject, with a reason; accept enrolls (409 cohort-full when no seat is left)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404, 409, 422)
  async decide(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: DecisionDto): Promise<ApplicationView> {
    return this.decisions.decide(principal, id, body);
  }
}
