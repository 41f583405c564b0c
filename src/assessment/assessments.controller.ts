import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiPage, ApiProblems, Authenticated, CACHE, CachePolicy, CurrentPrincipal, notFound, Page, Principal, Roles, UuidParam } from '@gds/http';
import { AssessmentAuthoring } from './assessment-authoring.service';
import { Attempts } from './attempts.service';
import { Submissions } from './submissions.service';
import { Regrades } from './regrades.service';
import { CreateAssessmentDto, RegradeDto, UpdateAssessmentDto } from './dto/assessment.dto';
import { AssessmentSubmissionsQuery, SubmitDto } from './dto/submission.dto';
import { attemptView, authorView, instructorView, submissionView, traineeView } from './assessment-views';
import { InstructorAssessments } from './instructor-assessments.service';
import { GraderRegistry } from './graders/grader-registry';
import { regradeView } from './regrades.controller';
import { TrialRuns } from './trial-runs.service';
import { TrialRunThrottlerGuard } from './trial-run-throttler.guard';
import { TrialRunDto, TrialRunView } from './dto/trial-run.dto';
import {
  AssessmentAuthorView,
  AssessmentView,
  AttemptView,
  RegradeView,
  RevealedHintView,
  TraineeFlagsView,
} from './dto/assessment-views.dto';
import { StaffSubmissionView, SubmissionAcceptedView } from './dto/submission-views.dto';

@ApiTags('assessments')
@Controller()
export class AssessmentsController {
  constructor(
    private readonly authoring: AssessmentAuthoring,
    private readonly attempts: Attempts,
    private readonly submissions: Submissions,
    private readonly regrades: Regrades,
    private readonly instructors: InstructorAssessments,
    private readonly graders: GraderRegistry,
    private readonly trialRuns: TrialRuns,
  ) {}

  @Post('modules/:id/assessments')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Attach an assessment (with its key) to a draft module of a course you edit' })
  @ApiCreatedResponse({ type: AssessmentAuthorView })
  @ApiProblems(404, 422)
  async create(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) moduleId: string, @Body() body: CreateAssessmentDto) {
    return authorView(await this.authoring.create(moduleId, body, principal));
  }

  @Get('modules/:id/assessments')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Draft assessments of a module (editors)' })
  @ApiOkResponse({ type: [AssessmentAuthorView] })
  @ApiProblems(404, 422)
  async list(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) moduleId: string) {
    return (await this.authoring.listForModule(moduleId, principal)).map(authorView);
  }

  @Patch('assessments/:id')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Edit a draft assessment; published versions keep their frozen copy' })
  @ApiOkResponse({ type: AssessmentAuthorView })
  @ApiProblems(404, 422)
  async update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateAssessmentDto) {
    return authorView(await this.authoring.update(id, body, principal));
  }

  @Delete('assessments/:id')
  @Roles('instructor', 'admin')
  @HttpCode(204)
  @ApiNoContent()
  @ApiProblems(404, 422)
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<void> {
    await this.authoring.remove(id, principal);
  }

  @Get('assessments/:id')
  @Authenticated()
  @ApiOperation({ summary: 'Editors see the draft with its key; cohort instructors the copy (with key) their cohorts run; enrolled trainees their version, never a key' })
  @ApiOkResponse({ type: AssessmentView, description: 'The view for the caller’s role: author (draft with key), instructor (frozen copy with key) or trainee (no key)' })
  @ApiProblems(404, 409)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<AssessmentView> {
    const draft = await this.authoring.draftIfEditor(id, principal);
    if (draft) return authorView(draft);
    const instructed = await this.instructors.instructed(id, principal);
    if (instructed) return instructorView(instructed, this.graders.get(instructed.frozen.kind).publicView(instructed.frozen.key));
    const located = await this.attempts.require(principal.userId, id);
    const [attempts, submissions, open] = await Promise.all([this.attempts.attemptsOf(located), this.submissions.ownOf(located), this.attempts.openAttempt(located)]);
    return traineeView(located.frozen, this.attempts.contentFor(located, open?.id ?? null), {
      dueAt: located.dueAt?.toISOString() ?? null,
      attemptsUsed: attempts.length,
      openAttempt: open ? { id: open.id, deadlineAt: open.deadlineAt?.toISOString() ?? null } : null,
      submissions: submissions.map((s) => ({ id: s.id, status: s.status, score: s.score, passed: s.passed, submittedAt: s.submittedAt.toISOString(), url: `/api/v1/submissions/${s.id}` })),
    });
  }

  @Get('assessments/:id/submissions')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'Submissions of an assessment in the cohorts you instruct (admins: all), oldest first' })
  @ApiPage(StaffSubmissionView)
  @ApiProblems(400, 404)
  async listSubmissions(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Query() query: AssessmentSubmissionsQuery): Promise<Page<StaffSubmissionView>> {
    const page = await this.instructors.submissions(id, query, principal);
    return { items: page.items.map((s) => submissionView(s, null, true)), nextCursor: page.nextCursor };
  }

  @Get('assessments/:id/flags/:traineeId')
  @Roles('instructor', 'admin')
  @CachePolicy(CACHE.never)
  @ApiOperation({ summary: 'The flags one trainee must find, for the challenge environment that plants them (editors)' })
  @ApiOkResponse({ type: TraineeFlagsView })
  @ApiProblems(404, 422)
  async flagsFor(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Param('traineeId', UuidParam()) traineeId: string): Promise<TraineeFlagsView> {
    return this.authoring.flagsFor(id, traineeId, principal);
  }

  @Post('assessments/:id/attempts')
  @Roles('trainee')
  @ApiOperation({ summary: 'Start (or resume) an attempt; timed attempts get a server-enforced deadline' })
  @ApiCreatedResponse({ type: AttemptView })
  @ApiProblems(404, 409, 422)
  async start(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    const { attempt, content } = await this.attempts.start(id, principal);
    return attemptView(attempt, content);
  }

  @Post('assessments/:id/hints/:hintId/reveal')
  @Roles('trainee')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reveal a hint of a flag challenge; its cost comes off later grades' })
  @ApiOkResponse({ type: RevealedHintView })
  @ApiProblems(404, 409)
  async revealHint(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Param('hintId') hintId: string): Promise<RevealedHintView> {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(hintId)) throw notFound('Hint');
    return this.attempts.revealHint(id, hintId, principal);
  }

  @Post('assessments/:id/submissions')
  @Roles('trainee')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit an answer: 202 queued; the grading worker grades it' })
  @ApiAcceptedResponse({ type: SubmissionAcceptedView })
  @ApiProblems(404, 409, 422)
  async submit(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: SubmitDto): Promise<SubmissionAcceptedView> {
    const submission = await this.submissions.submit(id, body, principal);
    return { id: submission.id, status: submission.status, url: `/api/v1/submissions/${submission.id}` };
  }

  @Post('assessments/:id/trial-runs')
  @Roles('trainee', 'instructor', 'admin')
  @UseGuards(TrialRunThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run an SQL or config answer without submitting it: the rows or the rule findings, no grade, no attempt used (rate limited per user)',
    description:
      'Problems: 400 invalid-answer (not the kind’s shape); 404 no such assessment, or not yours; 409 enrollment-not-active, attempts-exhausted ' +
      '(you could not submit it either); 422 trial-run-unsupported (quiz, flag, rubric), past-due, exercise-unavailable; 429 too many trial runs ' +
      '(Retry-After); 503 sandbox-unavailable.',
  })
  @ApiOkResponse({ type: TrialRunView })
  @ApiProblems(404, 409, 422, 429, 503)
  async trialRun(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: TrialRunDto): Promise<TrialRunView> {
    return this.trialRuns.run(id, body.answer, principal);
  }

  @Post('assessments/:id/regrades')
  @Roles('instructor', 'admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Regrade every graded submission (after a key fix); progress at the answered url' })
  @ApiAcceptedResponse({ type: RegradeView })
  @ApiProblems(404, 422)
  async regrade(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: RegradeDto) {
    return regradeView(await this.regrades.request(id, body, principal), null);
  }
}

