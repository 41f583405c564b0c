import { Global, Module } from '@nestjs/common';
import { DraftCourseModules, PublishedCourseVersions } from '../../src/course/published-course-versions.contract';
import { EnrollmentDirectory } from '../../src/cohort/enrollment-directory.contract';
import { AssessmentResults } from '../../src/assessment/assessment-results.contract';
import { FakeCourseVersions, FakeDraftModules } from './fakes/course-versions-certification.fake';
import { FakeEnrollmentDirectory } from './fakes/enrollment-directory-certification.fake';
import { FakeAssessmentResults } from './fakes/assessment-results-certification.fake';

/**
 * TEMPORARY, tests only: the certification module needs the course, cohort and assessment contracts,
 * whose real implementations are built in other branches. Until they are merged, the test app binds
 * empty fakes here so that it boots; tests replace them with `overrides`. Remove a line when the
 * real module binds that contract.
 */
@Global()
@Module({
  providers: [
    { provide: PublishedCourseVersions, useValue: new FakeCourseVersions() },
    { provide: DraftCourseModules, useValue: new FakeDraftModules() },
    { provide: EnrollmentDirectory, useValue: new FakeEnrollmentDirectory() },
    { provide: AssessmentResults, useValue: new FakeAssessmentResults() },
  ],
  exports: [PublishedCourseVersions, DraftCourseModules, EnrollmentDirectory, AssessmentResults],
})
export class CertificationContractStandIns {}
