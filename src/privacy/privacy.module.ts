import { DynamicModule, Module } from '@nestjs/common';
import { DataRights } from './data-rights.service';
import { DataRightsController } from './data-rights.controller';

/** Trainees' data rights (export, erasure on request) across the modules' exported personal-data services. */
@Module({ providers: [DataRights] })
export class PrivacyModule {
  static withHttp(): DynamicModule {
    return { module: PrivacyModule, controllers: [DataRightsController] };
  }
}
