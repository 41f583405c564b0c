import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@gds/http';
import { CohortsService } from './cohorts.service';
import { CohortRoster } from './cohort-roster.service';
import { CohortView, CreateCohortDto, ListCohortsQuery, TransitionCohortDto, UpdateCohortDto } from './dto/cohort.dto';
import { RosterQuery } from './dto/enrollment.dto';
import { RosterView } from './dto/enrollment-views.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly roster: CohortRoster,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a planned cohort of published course versions, with capacity, dates, schedule and instructors' })
  @ApiCreatedResponse({ type: CohortView })
  @ApiProblems(422)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCohortDto): Promise<CohortView> {
    return this.cohorts.create(body, principal.userId);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Cohorts: trainees see those open for applications and their own; instructors theirs; admins and reviewers all' })
  @ApiPage(CohortView)
  @ApiProblems(400)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCohortsQuery): Promise<Page<CohortView>> {
    return this.cohorts.list(principal, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: CohortView })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<CohortView> {
    return this.cohorts.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename, change capacity (never below seats taken), the application window or the instructors' })
  @ApiOkResponse({ type: CohortView })
  @ApiProblems(404, 422)
  async update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateCohortDto): Promise<CohortView> {
    return this.cohorts.update(id, body, principal.userId);
  }

  @Post(':id/status')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the lifecycle: planned → accepting_applications → running → completed → archived (422 for an illegal move)' })
  @ApiOkResponse({ type: CohortView })
  @ApiProblems(404, 422)
  async transition(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: TransitionCohortDto): Promise<CohortView> {
    return this.cohorts.transition(id, body.status, principal.userId);
  }

  @Get(':id/roster')
  // Not reviewers: the roster names trainees (names, emails), and reviewers (the consortium) see aggregates only.
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Every trainee of the cohort with progress and at-risk flags, in one answer; ?atRisk=true filters (admins, the cohort instructors)' })
  @ApiOkResponse({ type: RosterView })
  @ApiProblems(400, 404)
  async getRoster(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: RosterQuery): Promise<RosterView> {
    return this.roster.roster(principal, id, query);
  }
}
