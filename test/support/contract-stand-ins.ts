import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants';
import { EnrollmentDirectory } from '../../src/cohort/enrollment-directory.contract';
import { domainModules } from '../../src/domain-modules';
import { DraftCourseModules, PublishedCourseVersions } from '../../src/course/published-course-versions.contract';
import { AssessmentResults } from '../../src/assessment/assessment-results.contract';
import { FakeEnrollmentDirectory } from './fakes/enrollment-directory.fake';
import { FakeCourseVersions, FakeDraftModules } from './fakes/course-versions-certification.fake';
import { FakeAssessmentResults } from './fakes/assessment-results-certification.fake';

/** Contracts whose real provider may not be in this build yet, with the stand-in used meanwhile. */
const STAND_INS: Array<{ contract: unknown; make: () => unknown }> = [
  { contract: EnrollmentDirectory, make: () => new FakeEnrollmentDirectory() },
  { contract: PublishedCourseVersions, make: () => new FakeCourseVersions() },
  { contract: DraftCourseModules, make: () => new FakeDraftModules() },
  { contract: AssessmentResults, make: () => new FakeAssessmentResults() },
];

function isProvided(contract: unknown): boolean {
  return domainModules(false).some((module) => {
    const providers: unknown[] = Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module as Type<unknown>) ?? [];
    return providers.some((p) => p === contract || (typeof p === 'object' && p !== null && (p as { provide?: unknown }).provide === contract));
  });
}

/**
 * Stand-ins for contracts no domain module provides yet, so that tests can replace them with
 * `overrides` (Nest only overrides providers that exist). A contract's stand-in disappears by
 * itself once the module providing the real implementation is registered in DOMAIN_MODULES.
 */
@Global()
@Module({})
export class ContractStandIns {
  static forMissing(): DynamicModule {
    const missing = STAND_INS.filter((s) => !isProvided(s.contract));
    return {
      module: ContractStandIns,
      providers: missing.map((s) => ({ provide: s.contract as never, useValue: s.make() })),
      exports: missing.map((s) => s.contract as never),
    };
  }
}
