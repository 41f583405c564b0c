import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@gds/http';
import { ApplicationsService } from './applications.service';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationView, ApplyDto, BulkDecisionDto, BulkDecisionResultsView, DecisionDto, DecisionRecordView, ListApplicationsQuery, ScoreDto } from './dto/application.dto';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: ApplicationDecisions,
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
  @ApiOperation({ summary: 'Applications of a cohort (admins, its instructors), by submission time; filter by status, minimum score, track' })
  @ApiPage(ApplicationView)
  @ApiProblems(400, 404)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    return this.applications.list(principal, id, query);
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
  @ApiOperation({ summary: 'Own applications, newest first' })
  @ApiOkResponse({ type: [ApplicationView] })
  async mine(@CurrentPrincipal() principal: Principal): Promise<ApplicationView[]> {
    return this.applications.mine(principal.userId);
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
  @ApiOperation({ summary: 'The audit trail of an application' })
  @ApiOkResponse({ type: [DecisionRecordView] })
  @ApiProblems(404)
  async trail(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<DecisionRecordView[]> {
    return this.applications.trail(principal, id);
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
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404)
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
