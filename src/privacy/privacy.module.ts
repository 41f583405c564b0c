import { Module } from '@nestjs/common';
import { DataRights } from './data-rights.service';
import { DataRightsController } from './data-rights.controller';
import { IdentityModule } from '../identity/identity.module';
import { CohortModule } from '../cohort/cohort.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { CertificationModule } from '../certification/certification.module';
import { NotificationModule } from '../notification/notification.module';
import { ReportingModule } from '../reporting/reporting.module';
import { TalentModule } from '../talent/talent.module';

/** Trainees' data rights (export, erasure on request) across the modules' exported personal-data services. */
@Module({
  imports: [IdentityModule, CohortModule, AssessmentModule, CertificationModule, NotificationModule, ReportingModule, TalentModule],
  providers: [DataRights],
  controllers: [DataRightsController],
})
export class PrivacyModule {}
