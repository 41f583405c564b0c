import { Module } from '@nestjs/common';
import { Organisations } from './organisations.service';
import { OrganisationDirectory } from './organisation-directory.contract';
import { OrganisationsController } from './organisations.controller';

/** Organisations (partner employers): a controlled list other modules read through OrganisationDirectory. */
@Module({
  providers: [Organisations, { provide: OrganisationDirectory, useExisting: Organisations }],
  controllers: [OrganisationsController],
  exports: [OrganisationDirectory],
})
export class OrganisationModule {}
