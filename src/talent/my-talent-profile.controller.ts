import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { TalentProfiles } from './talent-profiles.service';
import { InterviewRequests } from './interview-requests.service';
import { ListMeDto, MyTalentProfileView, ProfileViewerView } from './dto/talent-profile.dto';
import { AnswerInterviewRequestDto, InterviewRequestView } from './dto/shortlist.dto';

/** The trainee's side of the talent pipeline: opting in and out, who looked, and interview requests. */
@ApiTags('talent')
@Controller('me')
export class MyTalentProfileController {
  constructor(
    private readonly profiles: TalentProfiles,
    private readonly requests: InterviewRequests,
  ) {}

  @Get('talent-profile')
  @Roles('trainee')
  @ApiOperation({ summary: 'Your talent profile as employers see it, and whether it is listed' })
  @ApiOkResponse({ type: MyTalentProfileView })
  @ApiProblems(404)
  async mine(@CurrentPrincipal() principal: Principal): Promise<MyTalentProfileView> {
    return this.profiles.mine(principal.userId);
  }

  @Put('talent-profile')
  @Roles('trainee')
  @ApiOperation({ summary: 'List yourself for employers (opt in), or update your listed profile' })
  @ApiOkResponse({ type: MyTalentProfileView })
  @ApiProblems(400, 422)
  async list(@CurrentPrincipal() principal: Principal, @Body() body: ListMeDto): Promise<MyTalentProfileView> {
    return this.profiles.listMe(principal.userId, body);
  }

  @Post('talent-profile/withdraw')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop being listed: employers lose the profile at once and pending interview requests end' })
  @ApiOkResponse({ type: MyTalentProfileView })
  @ApiProblems(404)
  async withdraw(@CurrentPrincipal() principal: Principal): Promise<MyTalentProfileView> {
    return this.profiles.withdraw(principal.userId);
  }

  @Get('talent-profile/views')
  @Roles('trainee')
  @ApiOperation({ summary: 'Which employers viewed your profile, newest first' })
  @ApiPage(ProfileViewerView)
  @ApiProblems(400)
  async views(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<ProfileViewerView>> {
    return this.profiles.viewers(principal.userId, query);
  }

  @Get('interview-requests')
  @Roles('trainee')
  @ApiOperation({ summary: 'Interview requests employers sent you' })
  @ApiPage(InterviewRequestView)
  @ApiProblems(400)
  async requestsOfMine(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<InterviewRequestView>> {
    return this.requests.listForTrainee(principal.userId, query);
  }

  @Post('interview-requests/:id/answer')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept (shares your contact details with that employer only) or decline an interview request' })
  @ApiOkResponse({ type: InterviewRequestView })
  @ApiProblems(400, 404, 409)
  async answer(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: AnswerInterviewRequestDto): Promise<InterviewRequestView> {
    return this.requests.answer(principal.userId, id, body.answer);
  }
}
