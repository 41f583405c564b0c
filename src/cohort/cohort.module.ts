import { Module } from '@nestjs/common';
import { Announcements } from './announcements.service';
import { AnnouncementsController } from './announcements.controller';
import { CohortStartNotices } from './cohort-start-notices.service';
import { ApplicationAudit } from './application-audit.service';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { CohortAccess } from './cohort-access.service';
import { CohortRoster } from './cohort-roster.service';
import { CohortTrainees } from './cohort-trainees.contract';
import { CohortTraineesService } from './cohort-trainees.service';
import { CohortVersionMoves } from './cohort-version-moves.service';
import { CohortVersionMovesController } from './cohort-version-moves.controller';
import { CohortOutcomeFacts } from './cohort-outcome-facts.service';
import { CohortScans } from './cohort-scans.service';
import { CohortWeeklyDigests } from './cohort-weekly-digests.service';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { EnrollmentDirectory } from './enrollment-directory.contract';
import { CohortEnrollmentDirectory } from './cohort-enrollment-directory.service';
import { EnrollmentWriter } from './enrollment-writer.service';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { LessonCompletions } from './lesson-completions.service';
import { ProgressReader } from './progress-reader.service';
import { ProgressRecompute } from './progress-recompute.service';
import { CohortScheduleRecompute } from './cohort-schedule-recompute.service';
import { TraineeImports } from './trainee-imports.service';
import { TraineeImportPreview } from './trainee-import-preview.service';
import { TraineeProgress } from './trainee-progress.service';
import { CohortPersonalData } from './cohort-personal-data.service';
import { Waitlist } from './waitlist.service';
import { DecisionReverts } from './decision-reverts.service';
import { Rubrics } from './rubrics.service';
import { SelectionController } from './selection.controller';
import { SelectionPages } from './selection-pages';
import { PrerequisiteWaivers } from './prerequisite-waivers.service';
import { PrerequisiteWaiversController } from './prerequisite-waivers.controller';
import { SelectionWorkbench } from './selection-workbench.service';
import { TrackQuotas } from './track-quotas.service';
import { PrerequisiteChecks } from './prerequisite-checks.service';
import { PublishedCoursesModule } from '../course/published-courses.module';
import { IdentityModule } from '../identity/identity.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { CohortOutcomeFacts, CohortPersonalData };

/** Cohorts, applications, enrollment (capacity-safe), waitlist, lesson progress and announcements. Others use EnrollmentDirectory. */
@Module({
  imports: [PublishedCoursesModule, IdentityModule],
  providers: [
    CohortPersonalData,
    CohortAccess,
    CohortsService,
    ApplicationAudit,
    ApplicationsService,
    ApplicationDecisions,
    EnrollmentWriter,
    Waitlist,
    TrackQuotas,
    PrerequisiteChecks,
    PrerequisiteWaivers,
    Rubrics,
    SelectionWorkbench,
    SelectionPages,
    DecisionReverts,
    EnrollmentsService,
    ProgressReader,
    LessonCompletions,
    ProgressRecompute,
    CohortScheduleRecompute,
    TraineeProgress,
    CohortRoster,
    TraineeImports,
    TraineeImportPreview,
    CohortScans,
    CohortWeeklyDigests,
    Announcements,
    CohortStartNotices,
    CohortEnrollmentDirectory,
    CohortOutcomeFacts,
    { provide: EnrollmentDirectory, useExisting: CohortEnrollmentDirectory },
    CohortTraineesService,
    CohortVersionMoves,
    { provide: CohortTrainees, useExisting: CohortTraineesService },
  ],
  controllers: [CohortsController, ApplicationsController, SelectionController, EnrollmentsController, CohortVersionMovesController, AnnouncementsController, PrerequisiteWaiversController],
  exports: [CohortPersonalData, EnrollmentDirectory, CohortOutcomeFacts, CohortTrainees],
})
export class CohortModule {}
