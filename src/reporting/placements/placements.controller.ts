import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiPage, ApiProblems, CurrentPrincipal, notFound, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { CreatePlacementDto, FollowUpDto, PlacementView, UpdatePlacementDto } from '../dto/placement.dto';
import { Placements } from './placements.service';

@ApiTags('placements')
@Controller()
export class PlacementsController {
  constructor(private readonly placements: Placements) {}

  @Post('cohorts/:id/placements')
  @Roles('admin', 'instructor', 'trainee')
  @ApiOperation({ summary: 'Record a new role or promotion of a trainee of the cohort (trainees: their own, self-reported)' })
  @ApiCreatedResponse({ type: PlacementView })
  @ApiProblems(409, 422)
  create(@Param('id', UuidParam()) id: string, @Body() body: CreatePlacementDto, @CurrentPrincipal() principal: Principal): Promise<PlacementView> {
    return this.placements.create(principal, id, body);
  }

  @Get('cohorts/:id/placements')
  @Roles('admin', 'instructor', 'trainee')
  @ApiOperation({ summary: "A cohort's placements (trainees see their own)" })
  @ApiPage(PlacementView)
  @ApiProblems(400)
  list(@Param('id', UuidParam()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PlacementView>> {
    return this.placements.list(principal, id, query);
  }

  @Get('placements/:id')
  @Roles('admin', 'instructor', 'trainee')
  @ApiOkResponse({ type: PlacementView })
  get(@Param('id', UuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<PlacementView> {
    return this.placements.get(principal, id);
  }

  @Patch('placements/:id')
  @Roles('admin', 'instructor', 'trainee')
  @ApiOkResponse({ type: PlacementView })
  @ApiProblems(409, 422)
  update(@Param('id', UuidParam()) id: string, @Body() body: UpdatePlacementDto, @CurrentPrincipal() principal: Principal): Promise<PlacementView> {
    return this.placements.update(principal, id, body);
  }

  @Delete('placements/:id')
  @Roles('admin', 'instructor', 'trainee')
  @HttpCode(204)
  @ApiNoContent()
  async remove(@Param('id', UuidParam()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.placements.remove(principal, id);
  }

  @Put('placements/:id/follow-ups/:month')
  @Roles('admin', 'instructor', 'trainee')
  @ApiOperation({ summary: 'Record the 3- or 6-month follow-up of a placement' })
  @ApiOkResponse({ type: PlacementView })
  @ApiProblems(422)
  followUp(
    @Param('id', UuidParam()) id: string,
    @Param('month', new ParseIntPipe({ exceptionFactory: () => notFound('Follow-up') })) month: number,
    @Body() body: FollowUpDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlacementView> {
    if (month !== 3 && month !== 6) throw notFound('Follow-up');
    return this.placements.recordFollowUp(principal, id, month, body);
  }
}
