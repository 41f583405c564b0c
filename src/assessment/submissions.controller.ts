import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, CurrentPrincipal, Page, Principal, Roles, UuidParam } from '@gds/http';
import { Submissions } from './submissions.service';
import { Reviews } from './reviews.service';
import { ReviewQueue } from './review-queue.service';
import { ReviewQueueItemView, ReviewQueueQuery } from './dto/review-queue.dto';
import { OverrideDto, ReviewCorrectionDto, ReviewDto } from './dto/submission.dto';
import { submissionView } from './assessment-views';
import { StaffSubmissionView, SubmissionDetailView } from './dto/submission-views.dto';

@ApiTags('assessments')
@Controller()
export class SubmissionsController {
  constructor(
    private readonly submissions: Submissions,
    private readonly reviews: Reviews,
    private readonly queue: ReviewQueue,
  ) {}

  @Get('submissions/:id')
  @Authenticated()
  @ApiOperation({ summary: 'Status (place in the queue while queued), score and feedback; its trainee and the cohort’s instructors' })
  @ApiOkResponse({ type: SubmissionDetailView, description: 'Staff also see traineeId, cohortId, enrollmentId and the grade history' })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<SubmissionDetailView> {
    const { submission, queuePosition } = await this.submissions.visibleWithQueuePosition(id, principal);
    const view = submissionView(submission, queuePosition, submission.traineeId !== principal.userId);
    return submission.traineeId === principal.userId ? view : { ...view, grades: await this.reviews.history(id) };
  }

  @Post('submissions/:id/review')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grade a rubric submission criterion by criterion (cohort instructors)' })
  @ApiOkResponse({ type: StaffSubmissionView })
  @ApiProblems(404, 409, 422)
  async review(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ReviewDto): Promise<StaffSubmissionView> {
    return submissionView(await this.reviews.review(id, body, principal), null, true);
  }

  @Post('submissions/:id/review-corrections')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct a review: grade the rubric again with a reason (the reviewer or an admin); every grade stays in the history, progress and certificates follow the latest',
    description: 'Problems: 400 bad body; 403 a trainee, or a cohort instructor who did not review it; 404 not yours; 409 not-reviewed; 422 the criteria do not match the rubric.',
  })
  @ApiOkResponse({ type: StaffSubmissionView })
  @ApiProblems(404, 409, 422)
  async correctReview(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: ReviewCorrectionDto): Promise<StaffSubmissionView> {
    return submissionView(await this.reviews.correct(id, body, principal), null, true);
  }

  @Post('submissions/:id/override')
  @Roles('instructor', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Override a grade with a reason (audited in the grade history)' })
  @ApiOkResponse({ type: StaffSubmissionView })
  @ApiProblems(404, 409, 422)
  async override(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: OverrideDto): Promise<StaffSubmissionView> {
    return submissionView(await this.reviews.override(id, body, principal), null, true);
  }

  @Get('cohorts/:id/review-queue')
  @Roles('instructor', 'admin')
  @ApiOperation({
    summary: 'Submissions waiting for an instructor, oldest first, with the trainee’s name and the assessment’s title; ?courseVersionId= and ?assessmentId= filter',
    description: 'Problems: 400 bad query or cursor; 404 no such cohort, or not one you instruct; 422 course-version-not-in-cohort, assessment-not-in-cohort.',
  })
  @ApiPage(ReviewQueueItemView)
  @ApiProblems(400, 404, 422)
  async reviewQueue(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) cohortId: string, @Query() query: ReviewQueueQuery): Promise<Page<ReviewQueueItemView>> {
    return this.queue.page(cohortId, query, principal);
  }
}
