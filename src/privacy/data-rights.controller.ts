import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { DataRights } from './data-rights.service';
import { DataExportView, EraseUserDto, ErasureView } from './dto/data-rights.dto';

@ApiTags('privacy')
@Controller()
export class DataRightsController {
  constructor(private readonly rights: DataRights) {}

  @Get('me/data-export')
  @Authenticated()
  @ApiOperation({ summary: 'Everything held about you, as JSON: profile, consents, applications, enrollments, submissions, grades, certificates, notifications, placements' })
  @ApiOkResponse({ type: DataExportView })
  exportMine(@CurrentPrincipal() principal: Principal): Promise<DataExportView> {
    return this.rights.exportFor(principal.userId);
  }

  @Post('users/:id/erasure')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Erase a trainee on request: personal data pseudonymised, every report's aggregates unchanged, certificates verifiable as 'holder withdrew personal data'; audited" })
  @ApiOkResponse({ type: ErasureView })
  @ApiProblems(400, 404, 409, 422)
  erase(@Param('id', UuidParam()) id: string, @Body() body: EraseUserDto, @CurrentPrincipal() principal: Principal): Promise<ErasureView> {
    return this.rights.erase(id, principal.userId, body.reason.trim());
  }
}
