import { DynamicModule, Type } from '@nestjs/common';
import { IdentityModule } from './identity/identity.module';
import { PlatformModule } from './platform/platform.module';
import { CourseModule } from './course/course.module';
import { CourseReaders } from './course/course-readers.contract';
import { CertificationModule } from './certification/certification.module';
import { ReportingModule } from './reporting/reporting.module';
import { AssessmentModule } from './assessment/assessment.module';
import { CohortModule } from './cohort/cohort.module';
import { EnrollmentDirectory } from './cohort/enrollment-directory.contract';
import { NotificationModule } from './notification/notification.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PrivacyModule } from './privacy/privacy.module';
import { TalentModule } from './talent/talent.module';

/**
 * The course module decides who reads lesson bodies from enrollments, which cohort knows; cohort
 * reads published versions from course. The course module declares the port (CourseReaders), the
 * cohort module's EnrollmentDirectory answers it, and only this composition root knows both.
 */
const courseModule = CourseModule.register({
  imports: [CohortModule],
  readers: { provide: CourseReaders, inject: [EnrollmentDirectory], useFactory: (enrollments: EnrollmentDirectory): CourseReaders => enrollments },
});

/**
 * Every domain module, once. Each declares the modules it imports, so Nest sees who depends on whom;
 * none is global. Their controllers are part of them: a worker builds them but serves no HTTP.
 * The platform module's routes (health, metrics, job failures) are the api process's only.
 */
export function domainModules(withHttp: boolean): Array<Type<unknown> | DynamicModule> {
  return [
    withHttp ? PlatformModule.withHttp() : PlatformModule,
    OrganisationModule,
    IdentityModule,
    courseModule,
    CertificationModule,
    ReportingModule,
    AssessmentModule,
    CohortModule,
    NotificationModule,
    PrivacyModule,
    TalentModule,
  ];
}
