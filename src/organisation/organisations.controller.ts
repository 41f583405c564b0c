import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPage, ApiProblems, Authenticated, CurrentPrincipal, hasRole, Page, Principal, Roles, UuidParam } from '@gds/http';
import { Organisations } from './organisations.service';
import { ListOrganisationsQuery, OrganisationNameDto, OrganisationView } from './dto/organisation.dto';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: Organisations) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add an organisation to the controlled list (employers trainees choose from)' })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiProblems(400, 409)
  async create(@Body() body: OrganisationNameDto): Promise<OrganisationView> {
    return OrganisationView.of(await this.organisations.create(body.name));
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The organisations, by name; retired ones only for admins who ask' })
  @ApiPage(OrganisationView)
  @ApiProblems(400)
  async list(@Query() query: ListOrganisationsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<OrganisationView>> {
    const page = await this.organisations.list({ ...query, includeRetired: query.includeRetired === true && hasRole(principal, 'admin') });
    return { items: page.items.map(OrganisationView.of), nextCursor: page.nextCursor };
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename an organisation (profiles and reports follow)' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems(400, 404, 409)
  async rename(@Param('id', UuidParam()) id: string, @Body() body: OrganisationNameDto): Promise<OrganisationView> {
    return OrganisationView.of(await this.organisations.rename(id, body.name));
  }

  @Post(':id/retire')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire an organisation: kept for the profiles that name it, offered no more' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiProblems(404)
  async retire(@Param('id', UuidParam()) id: string): Promise<OrganisationView> {
    return OrganisationView.of(await this.organisations.retire(id));
  }
}
