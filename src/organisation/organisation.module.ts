import { DynamicModule, Global, Module } from '@nestjs/common';
import { Organisations } from './organisations.service';
import { OrganisationDirectory } from './organisation-directory.contract';
import { OrganisationsController } from './organisations.controller';

/** Organisations (partner employers): a controlled list other modules read through OrganisationDirectory. */
@Global()
@Module({
  providers: [Organisations, { provide: OrganisationDirectory, useExisting: Organisations }],
  exports: [OrganisationDirectory],
})
export class OrganisationModule {
  static withHttp(): DynamicModule {
    return { module: OrganisationModule, controllers: [OrganisationsController] };
  }
}
