import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { AssessmentExceptions } from './assessment-exceptions.service';
import { AssessmentExceptionListView, GrantExceptionDto } from './dto/assessment-exception.dto';

@ApiTags('assessments')
@Controller('cohorts/:cohortId/assessments/:assessmentId/exceptions')
export class AssessmentExceptionsController {
  constructor(private readonly exceptions: AssessmentExceptions) {}

  @Post()
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Give trainees of the cohort a later due date or extra attempts (cohort instructors, admins; audited, the trainees are told)' })
  @ApiCreatedResponse({ type: AssessmentExceptionListView })
  @ApiProblems(422)
  async grant(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidParam()) cohortId: string,
    @Param('assessmentId', UuidParam()) assessmentId: string,
    @Body() body: GrantExceptionDto,
  ): Promise<AssessmentExceptionListView> {
    return { items: await this.exceptions.grant(principal, cohortId, assessmentId, body) };
  }

  @Get()
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Exceptions granted on an assessment in the cohort, oldest first (the audit trail)' })
  @ApiOkResponse({ type: AssessmentExceptionListView })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('cohortId', UuidParam()) cohortId: string,
    @Param('assessmentId', UuidParam()) assessmentId: string,
  ): Promise<AssessmentExceptionListView> {
    return { items: await this.exceptions.list(principal, cohortId, assessmentId) };
  }
}
