import { Global, Module } from '@nestjs/common';
import { EnrollmentDirectory } from '../../src/cohort/enrollment-directory.contract';
import { DraftCourseModules, PublishContributors, PublishedCourseVersions } from '../../src/course/published-course-versions.contract';
import { FakeEnrollmentDirectoryForAssessment } from './fakes/enrollment-directory-assessment.fake';
import { FakePublishedCourseVersionsForAssessment } from './fakes/published-course-versions-assessment.fake';
import { FakeDraftCourseModulesForAssessment } from './fakes/draft-course-modules-assessment.fake';

/**
 * TEMPORARY, tests only: the course and cohort modules that bind these contracts are not in this
 * branch, yet the assessment module needs them for the app to boot. Remove each binding when its
 * real module lands (the lead, at merge). Tests that use them pass their own fakes as overrides.
 */
@Global()
@Module({
  providers: [
    { provide: EnrollmentDirectory, useValue: new FakeEnrollmentDirectoryForAssessment() },
    { provide: PublishedCourseVersions, useValue: new FakePublishedCourseVersionsForAssessment() },
    { provide: DraftCourseModules, useValue: new FakeDraftCourseModulesForAssessment() },
    PublishContributors,
  ],
  exports: [EnrollmentDirectory, PublishedCourseVersions, DraftCourseModules, PublishContributors],
})
export class TemporaryContractsModule {}
