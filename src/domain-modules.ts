import { DynamicModule, Type } from '@nestjs/common';
import { IdentityModule } from './identity/identity.module';
import { PlatformModule } from './platform/platform.module';
import { CourseModule } from './course/course.module';
import { CertificationModule } from './certification/certification.module';
import { ReportingModule } from './reporting/reporting.module';
import { AssessmentModule } from './assessment/assessment.module';
import { CohortModule } from './cohort/cohort.module';
import { NotificationModule } from './notification/notification.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PrivacyModule } from './privacy/privacy.module';

interface DomainModule extends Type<unknown> {
  withHttp(): DynamicModule;
}

/** Every domain module, once. The api process adds their controllers; the worker does not. */
const DOMAIN_MODULES: DomainModule[] = [PlatformModule, OrganisationModule, IdentityModule, CourseModule, CertificationModule, ReportingModule, AssessmentModule, CohortModule, NotificationModule, PrivacyModule];

export function domainModules(withHttp: boolean): Array<Type<unknown> | DynamicModule> {
  return DOMAIN_MODULES.map((module) => (withHttp ? module.withHttp() : module));
}
