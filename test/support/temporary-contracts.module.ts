import { Global, Module } from '@nestjs/common';
import { PublishedCourseVersions } from '../../src/course/published-course-versions.contract';
import { FakePublishedCourseVersions } from './fakes/published-course-versions.fake';

/**
 * TEMPORARY, tests only: binds contracts whose real providers are other modules not yet merged into
 * this branch (the course module provides PublishedCourseVersions). Remove each binding when its
 * module lands; tests that need specific data pass their own fake with `overrides`.
 */
@Global()
@Module({
  providers: [{ provide: PublishedCourseVersions, useValue: new FakePublishedCourseVersions() }],
  exports: [PublishedCourseVersions],
})
export class TemporaryContractsModule {}
