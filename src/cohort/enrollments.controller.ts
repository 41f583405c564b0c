import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { EnrollmentsService } from './enrollments.service';
import { LessonCompletions } from './lesson-completions.service';
import { TraineeImports } from './trainee-imports.service';
import { TraineeImportPreview } from './trainee-import-preview.service';
import { TraineeProgress } from './trainee-progress.service';
import { DirectEnrollDto, EnrollmentView, ImportTraineesDto, WithdrawEnrollmentDto, WithdrawnEnrollmentView } from './dto/enrollment.dto';
import { EnrollmentProgressView, ImportPreviewView, LessonCompletionView, TraineeImportView } from './dto/enrollment-views.dto';

@ApiTags('enrollments')
@Controller()
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly imports: TraineeImports,
    private readonly preview: TraineeImportPreview,
    private readonly progress: TraineeProgress,
    private readonly lessons: LessonCompletions,
  ) {}

  @Post('cohorts/:id/enrollments')
  @Roles('admin')
  @ApiOperation({ summary: 'Enroll a trainee directly (409 cohort-full when no seat is left)' })
  @ApiCreatedResponse({ type: EnrollmentView })
  @ApiProblems(404, 409, 422)
  async enroll(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: DirectEnrollDto): Promise<EnrollmentView> {
    return this.enrollments.enrollDirectly(id, body, principal.userId);
  }

  @Post('cohorts/:id/imports')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Import trainees from CSV (email,displayName[,courseVersionId]): checked whole, then run by a worker' })
  @ApiAcceptedResponse({ type: TraineeImportView })
  @ApiProblems(404, 413, 422)
  async startImport(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ImportTraineesDto): Promise<TraineeImportView> {
    return this.imports.start(id, body.csv, principal.userId);
  }

  @Post('cohorts/:id/imports/preview')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'What importing this CSV would do, row by row (new account, enrolment, already enrolled, no seat, bad row and why); nothing is stored' })
  @ApiOkResponse({ type: ImportPreviewView })
  @ApiProblems(404, 413, 422)
  async previewImport(@Param('id', UuidParam()) id: string, @Body() body: ImportTraineesDto): Promise<ImportPreviewView> {
    return this.preview.preview(id, body.csv);
  }

  @Get('imports/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'An import’s status, job progress and per-row report' })
  @ApiOkResponse({ type: TraineeImportView })
  @ApiProblems(404)
  async importStatus(@Param('id', UuidParam()) id: string): Promise<TraineeImportView> {
    return this.imports.status(id);
  }

  @Get('enrollments/:id')
  @Authenticated()
  @ApiOkResponse({ type: EnrollmentView })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<EnrollmentView> {
    return this.enrollments.get(principal, id);
  }

  @Post('enrollments/:id/withdraw')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw (the trainee or an admin); the freed seat goes to the top of the waitlist' })
  @ApiOkResponse({ type: WithdrawnEnrollmentView })
  @ApiProblems(404, 422)
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: WithdrawEnrollmentDto): Promise<WithdrawnEnrollmentView> {
    return this.enrollments.withdraw(principal, id, body.reason);
  }

  @Get('me/enrollments')
  @Authenticated()
  @ApiOperation({ summary: 'Own enrollments with progress: modules (locked, open, done), due dates, what is next' })
  @ApiOkResponse({ type: [EnrollmentProgressView] })
  async mine(@CurrentPrincipal() principal: Principal): Promise<EnrollmentProgressView[]> {
    return this.progress.enrollmentsOf(principal.userId);
  }

  @Post('lessons/:id/complete')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a lesson of one’s own active enrollment done (idempotent; 422 lesson-locked while its module is locked)' })
  @ApiOkResponse({ type: LessonCompletionView })
  @ApiProblems(404, 422)
  async complete(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    return this.lessons.complete(principal.userId, id);
  }
}
