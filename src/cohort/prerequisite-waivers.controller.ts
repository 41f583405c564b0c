import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { PrerequisiteWaivers } from './prerequisite-waivers.service';
import { PrerequisiteWaiverPageView } from './dto/prerequisite-waiver.dto';

@ApiTags('cohorts')
@Controller('cohorts')
export class PrerequisiteWaiversController {
  constructor(private readonly waivers: PrerequisiteWaivers) {}

  @Get(':id/prerequisite-waivers')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Direct enrolments that waived prerequisites (overridePrerequisites), newest first: who, when, which trainee, which missing courses (admins, the cohort’s instructors)',
    description: 'An accepted application’s waiver is in its decision history instead. Problems: 403 reviewers; 404 no such cohort or not yours.',
  })
  @ApiOkResponse({ type: PrerequisiteWaiverPageView })
  @ApiProblems(404)
  list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: PageQuery): Promise<PrerequisiteWaiverPageView> {
    return this.waivers.list(principal, id, query);
  }
}
