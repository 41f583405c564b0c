import { DynamicModule, Type } from '@nestjs/common';
import { IdentityModule } from './identity/identity.module';
import { PlatformModule } from './platform/platform.module';
import { NotificationModule } from './notification/notification.module';

interface DomainModule extends Type<unknown> {
  withHttp(): DynamicModule;
}

/** Every domain module, once. The api process adds their controllers; the worker does not. */
const DOMAIN_MODULES: DomainModule[] = [PlatformModule, IdentityModule, NotificationModule];

export function domainModules(withHttp: boolean): Array<Type<unknown> | DynamicModule> {
  return DOMAIN_MODULES.map((module) => (withHttp ? module.withHttp() : module));
}
