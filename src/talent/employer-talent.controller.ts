import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { EmployerScope } from './employer-scope.service';
import { TalentSearch } from './talent-search.service';
import { TalentProfiles } from './talent-profiles.service';
import { Shortlists } from './shortlists.service';
import { InterviewRequests } from './interview-requests.service';
import { EmployerHires } from './employer-hires.service';
import { SearchTalentQuery, TalentSearchItemView } from './dto/talent-search.dto';
import { TalentProfileView } from './dto/talent-profile.dto';
import { InterviewRequestDto, InterviewRequestView, ListShortlistQuery, RecordOutcomeDto, ShortlistDto, ShortlistEntryView } from './dto/shortlist.dto';

/** The employer's side: search, profiles, shortlists, interview requests and their outcomes. Every call is logged. */
@ApiTags('talent')
@Controller('talent')
export class EmployerTalentController {
  constructor(
    private readonly scope: EmployerScope,
    private readonly search: TalentSearch,
    private readonly profiles: TalentProfiles,
    private readonly shortlists: Shortlists,
    private readonly requests: InterviewRequests,
    private readonly hires: EmployerHires,
  ) {}

  @Get('profiles')
  @Roles('employer')
  @ApiOperation({ summary: 'Search listed profiles by track, skills (all of / any of), certification and availability, ranked by skill match' })
  @ApiPage(TalentSearchItemView)
  @ApiProblems(400)
  async find(@CurrentPrincipal() principal: Principal, @Query() query: SearchTalentQuery): Promise<Page<TalentSearchItemView>> {
    return this.search.search(await this.scope.of(principal), query);
  }

  @Get('profiles/:traineeId')
  @Roles('employer')
  @ApiOperation({ summary: 'A listed profile (the view is recorded; the trainee sees who viewed them)' })
  @ApiOkResponse({ type: TalentProfileView })
  @ApiProblems(404)
  async profile(@CurrentPrincipal() principal: Principal, @Param('traineeId', UuidParam()) traineeId: string): Promise<TalentProfileView> {
    return this.profiles.viewAsEmployer(await this.scope.of(principal), traineeId);
  }

  @Post('shortlists')
  @Roles('employer')
  @ApiOperation({ summary: 'Shortlist a listed candidate for a named role: 201 the first time, 200 with the same entry after' })
  @ApiCreatedResponse({ type: ShortlistEntryView })
  @ApiOkResponse({ type: ShortlistEntryView, description: 'Already on that shortlist; nothing changed' })
  @ApiProblems(400, 404)
  async shortlist(@CurrentPrincipal() principal: Principal, @Body() body: ShortlistDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ShortlistEntryView> {
    const { entry, created } = await this.shortlists.add(await this.scope.of(principal), body.roleTitle, body.traineeId);
    reply.status(created ? 201 : 200);
    return entry;
  }

  @Get('shortlists')
  @Roles('employer')
  @ApiOperation({ summary: "Your organisation's shortlists (candidates who withdrew drop out)" })
  @ApiPage(ShortlistEntryView)
  @ApiProblems(400)
  async shortlisted(@CurrentPrincipal() principal: Principal, @Query() query: ListShortlistQuery): Promise<Page<ShortlistEntryView>> {
    return this.shortlists.list(await this.scope.of(principal), query);
  }

  @Post('interview-requests')
  @Roles('employer')
  @ApiOperation({ summary: 'Ask a listed candidate to an interview for a role; the candidate accepts or declines' })
  @ApiCreatedResponse({ type: InterviewRequestView })
  @ApiProblems(400, 404, 409)
  async request(@CurrentPrincipal() principal: Principal, @Body() body: InterviewRequestDto): Promise<InterviewRequestView> {
    return this.requests.request(await this.scope.of(principal), body);
  }

  @Get('interview-requests')
  @Roles('employer')
  @ApiOperation({ summary: "Your organisation's interview requests" })
  @ApiPage(InterviewRequestView)
  @ApiProblems(400)
  async requestsOfOrganisation(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<InterviewRequestView>> {
    return this.requests.listForEmployer(await this.scope.of(principal), query);
  }

  @Get('interview-requests/:id')
  @Roles('employer')
  @ApiOkResponse({ type: InterviewRequestView })
  @ApiProblems(404)
  async requestOfOrganisation(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<InterviewRequestView> {
    return this.requests.getForEmployer(await this.scope.of(principal), id);
  }

  @Post('interview-requests/:id/outcomes')
  @Roles('employer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a stage an accepted request reached (interviewed, offered, hired, declined); hired becomes an employer-confirmed placement' })
  @ApiOkResponse({ type: InterviewRequestView })
  @ApiProblems(400, 404, 422)
  async outcome(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: RecordOutcomeDto): Promise<InterviewRequestView> {
    return this.hires.record(await this.scope.of(principal), id, body);
  }
}
