import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CohortModule } from '../cohort/cohort.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { CertificationModule } from '../certification/certification.module';
import { PublishedCoursesModule } from '../course/published-courses.module';
import { EmployerScope } from './employer-scope.service';
import { EmployerAccessLog } from './employer-access-log.service';
import { TalentEvidenceReader } from './talent-evidence.service';
import { TalentProfiles } from './talent-profiles.service';
import { TalentSearch } from './talent-search.service';
import { Shortlists } from './shortlists.service';
import { InterviewRequests } from './interview-requests.service';
import { EmployerHires } from './employer-hires.service';
import { TalentPipeline } from './talent-pipeline.contract';
import { TalentPipelineService } from './talent-pipeline.service';
import { MyTalentProfileController } from './my-talent-profile.controller';
import { EmployerTalentController } from './employer-talent.controller';
import { CareerFairs } from './career-fairs.service';
import { FairBookings } from './fair-bookings.service';
import { FairReminders } from './fair-reminders.service';
import { SearchableEvidence } from './searchable-evidence.service';
import { FairAttendance } from './fair-attendance.service';
import { CareerFairsController } from './career-fairs.controller';
import { MyFairSchedule } from './my-fair-schedule.service';
import { MyCareerFairsController } from './my-career-fairs.controller';

/**
 * The talent pipeline (issue 19): consenting trainees' profiles, employers' search, shortlists and
 * interview requests, career fairs (slots, bookings, check-in, reminders). Reads identity, cohort, course, assessment and certification through their
 * contracts; tells people through `notify` in the outbox. Others read it through TalentPipeline.
 */
@Module({
  imports: [IdentityModule, OrganisationModule, CohortModule, AssessmentModule, CertificationModule, PublishedCoursesModule],
  providers: [
    EmployerScope,
    EmployerAccessLog,
    TalentEvidenceReader,
    TalentProfiles,
    TalentSearch,
    Shortlists,
    InterviewRequests,
    EmployerHires,
    TalentPipelineService,
    CareerFairs,
    FairBookings,
    FairReminders,
    MyFairSchedule,
    SearchableEvidence,
    FairAttendance,
    { provide: TalentPipeline, useExisting: TalentPipelineService },
  ],
  controllers: [MyTalentProfileController, EmployerTalentController, CareerFairsController, MyCareerFairsController],
  exports: [TalentPipeline],
})
export class TalentModule {}
