import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { DecisionReverts } from './decision-reverts.service';
import { ApplicationView } from './dto/application.dto';
import { ApplicationReviewView, RevertDecisionDto, RubricDto, RubricView, ScoresDto, TrackQuotasDto, TrackQuotasView } from './dto/selection.dto';
import { Rubrics } from './rubrics.service';
import { SelectionWorkbench } from './selection-workbench.service';
import { TrackQuotas } from './track-quotas.service';

/** The selection workbench beyond the list: the rubric and its scores, seat quotas per track, reverting a decision. */
@ApiTags('applications')
@Controller()
export class SelectionController {
  constructor(
    private readonly rubrics: Rubrics,
    private readonly workbench: SelectionWorkbench,
    private readonly quotas: TrackQuotas,
    private readonly reverts: DecisionReverts,
  ) {}

  @Get('cohorts/:id/rubric')
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'The cohort’s scoring rubric (admins, its instructors); no criteria: single scores' })
  @ApiOkResponse({ type: RubricView })
  @ApiProblems(404)
  rubric(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<RubricView> {
    return this.rubrics.view(principal, id);
  }

  @Put('cohorts/:id/rubric')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the rubric: criteria with weights and a maximum score; 409 rubric-in-use once scored with it (it is locked, not versioned)' })
  @ApiOkResponse({ type: RubricView })
  @ApiProblems(404, 409, 422)
  setRubric(@Param('id', UuidParam()) id: string, @Body() body: RubricDto): Promise<RubricView> {
    return this.rubrics.replace(id, body);
  }

  @Put('applications/:id/scores')
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Your rubric scores of an application (one per criterion; again replaces yours); answers the application as staff review it' })
  @ApiOkResponse({ type: ApplicationReviewView })
  @ApiProblems(404, 422)
  async score(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ScoresDto): Promise<ApplicationReviewView> {
    await this.rubrics.score(principal, id, body);
    return this.workbench.detail(principal, id);
  }

  @Get('applications/:id/review')
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'One application as staff review it: applicant, each reviewer’s scores, aggregate, spread, rank with ties, possible duplicates' })
  @ApiOkResponse({ type: ApplicationReviewView })
  @ApiProblems(404)
  review(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<ApplicationReviewView> {
    return this.workbench.detail(principal, id);
  }

  @Get('cohorts/:id/track-quotas')
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Seat quotas per track, with the seats each track has taken' })
  @ApiOkResponse({ type: TrackQuotasView })
  @ApiProblems(404)
  trackQuotas(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<TrackQuotasView> {
    return this.quotas.view(principal, id);
  }

  @Put('cohorts/:id/track-quotas')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the seat quotas per track (their sum within the capacity: 422 quota-over-capacity)' })
  @ApiOkResponse({ type: TrackQuotasView })
  @ApiProblems(404, 422)
  setTrackQuotas(@Param('id', UuidParam()) id: string, @Body() body: TrackQuotasDto): Promise<TrackQuotasView> {
    return this.quotas.replace(id, body);
  }

  @Post('applications/:id/revert')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revert the last decision with a reason: back to the earlier status (audited, applicant told); 409 once the cohort started, or when capacity or the track quota has no seat' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiProblems(404, 409, 422)
  revert(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: RevertDecisionDto): Promise<ApplicationView> {
    return this.reverts.revert(principal, id, body.reason);
  }
}
