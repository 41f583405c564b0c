import { Module } from '@nestjs/common';
import { TalentModule } from '../talent/talent.module';
import { PipelineHires } from './placements/pipeline-hires.service';
import { CohortFactsSource } from './ports/cohort-facts.source';
import { AssessmentFactsSource } from './ports/assessment-facts.source';
import { CertificateFactsSource } from './ports/certificate-facts.source';
import { CohortFactsAdapter } from './adapters/cohort-facts.adapter';
import { AssessmentFactsAdapter } from './adapters/assessment-facts.adapter';
import { CertificateFactsAdapter } from './adapters/certificate-facts.adapter';
import { OutcomeFacts } from './outcome-facts.service';
import { ReportAccess } from './report-access.service';
import { CohortOutcomes } from './cohort-outcomes.service';
import { ReportRefresh } from './report-refresh.service';
import { MinCellSize } from './min-cell-size';
import { DashboardLinks } from './dashboard-links.service';
import { Placements } from './placements/placements.service';
import { CohortOutcomesController } from './cohort-outcomes.controller';
import { CohortDashboardController } from './cohort-dashboard.controller';
import { PlacementPersonalData } from './placements/placement-personal-data.service';
import { PlacementsController } from './placements/placements.controller';
import { PublishedCoursesModule } from '../course/published-courses.module';
import { IdentityModule } from '../identity/identity.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CohortModule } from '../cohort/cohort.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { CertificationModule } from '../certification/certification.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { CohortOutcomes, PlacementPersonalData };

/**
 * Cohort outcomes for reviewers, instructors and admins; placements. Reads other modules only
 * through its own ports (ports/), bound to adapters (adapters/) over their exported services.
 */
@Module({
  imports: [PublishedCoursesModule, IdentityModule, OrganisationModule, CohortModule, AssessmentModule, CertificationModule, TalentModule],
  providers: [
    PlacementPersonalData,
    { provide: CohortFactsSource, useClass: CohortFactsAdapter },
    { provide: AssessmentFactsSource, useClass: AssessmentFactsAdapter },
    { provide: CertificateFactsSource, useClass: CertificateFactsAdapter },
    OutcomeFacts,
    ReportAccess,
    CohortOutcomes,
    ReportRefresh,
    MinCellSize,
    DashboardLinks,
    Placements,
    PipelineHires,
  ],
  controllers: [CohortOutcomesController, CohortDashboardController, PlacementsController],
  exports: [PlacementPersonalData, CohortOutcomes],
})
export class ReportingModule {}
