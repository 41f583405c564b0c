import { Global, Module } from '@nestjs/common';
import { EnrollmentDirectory } from '../../src/cohort/enrollment-directory.contract';
import { FakeEnrollmentDirectory } from './fakes/enrollment-directory.fake';

/**
 * Stand-ins for contracts whose real provider is not yet in this build, so that tests can replace
 * them with `overrides` (Nest only overrides providers that exist). Remove a stand-in when the
 * module that provides the real implementation is merged.
 */
@Global()
@Module({
  providers: [{ provide: EnrollmentDirectory, useValue: new FakeEnrollmentDirectory() }],
  exports: [EnrollmentDirectory],
})
export class ContractStandIns {}
