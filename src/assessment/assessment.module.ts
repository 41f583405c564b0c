import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AssessmentResults } from './assessment-results.contract';
import { AssessmentResultsService } from './assessment-results.service';
import { AssessmentAuthoring } from './assessment-authoring.service';
import { Attempts } from './attempts.service';
import { DeadlineReminders } from './deadline-reminders.service';
import { Grading } from './grading.service';
import { GradingFailures } from './grading-failures.service';
import { TrialRuns } from './trial-runs.service';
import { SandboxDatasets } from './sandbox-datasets.service';
import { trialRunThrottlerProviders } from './trial-run-throttler.guard';
import { Regrades } from './regrades.service';
import { Reviews } from './reviews.service';
import { Submissions } from './submissions.service';
import { TraineeEnrollments } from './trainee-enrollments.service';
import { InstructorAssessments } from './instructor-assessments.service';
import { GRADER_PROVIDERS, GraderRegistry, GRADERS } from './graders/grader-registry';
import { AssessmentsController } from './assessments.controller';
import { SubmissionsController } from './submissions.controller';
import { AssessmentPersonalData } from './assessment-personal-data.service';
import { RegradesController } from './regrades.controller';
import { PublishedCoursesModule } from '../course/published-courses.module';
import { CohortModule } from '../cohort/cohort.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { AssessmentPersonalData };
import { AssessmentExceptions } from './assessment-exceptions.service';
import { AssessmentExceptionsController } from './assessment-exceptions.controller';
import { Gradebooks } from './gradebooks.service';
import { ReviewQueue } from './review-queue.service';
import { GradebookController } from './gradebook.controller';
import { SubmissionPreviewLinks } from './submission-preview-links.service';
import { SubmissionPreviewsController } from './submission-previews.controller';

/**
 * Assessments, attempts, submissions, graders, the grading worker and regrades. Needs the course
 * module's DraftCourseModules, PublishedCourseVersions and PublishContributors, and the cohort
 * module's EnrollmentDirectory; offers AssessmentResults.
 */
@Module({
  imports: [PublishedCoursesModule, CohortModule, IdentityModule],
  providers: [
    AssessmentPersonalData,
    ...GRADER_PROVIDERS,
    GraderRegistry,
    TraineeEnrollments,
    InstructorAssessments,
    AssessmentAuthoring,
    Attempts,
    Submissions,
    Grading,
    GradingFailures,
    Reviews,
    Regrades,
    DeadlineReminders,
    AssessmentResultsService,
    TrialRuns,
    SandboxDatasets,
    AssessmentExceptions,
    Gradebooks,
    ReviewQueue,
    SubmissionPreviewLinks,
    ...trialRunThrottlerProviders,
    { provide: AssessmentResults, useExisting: AssessmentResultsService },
  ],
  controllers: [AssessmentsController, SubmissionsController, RegradesController, AssessmentExceptionsController, GradebookController, SubmissionPreviewsController],
  exports: [AssessmentPersonalData, AssessmentResults, GraderRegistry, GRADERS],
})
export class AssessmentModule {}
