import { DynamicModule, Type } from '@nestjs/common';
import { IdentityModule } from './identity/identity.module';
import { PlatformModule } from './platform/platform.module';
import { CohortModule } from './cohort/cohort.module';

interface DomainModule extends Type<unknown> {
  withHttp(): DynamicModule;
}

/** Every domain module, once. The api process adds their controllers; the worker does not. */
const DOMAIN_MODULES: DomainModule[] = [PlatformModule, IdentityModule, CohortModule];

export function domainModules(withHttp: boolean): Array<Type<unknown> | DynamicModule> {
  return DOMAIN_MODULES.map((module) => (withHttp ? module.withHttp() : module));
}
