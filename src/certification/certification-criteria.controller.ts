import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { CertificationCriteriaService, EffectiveCriteria } from './certification-criteria.service';
import { CriteriaView, UpdateCriteriaDto } from './dto/certificate.dto';

const view = (c: EffectiveCriteria): CriteriaView => ({ ...c, updatedAt: c.updatedAt?.toISOString() ?? null });

@ApiTags('certificates')
@Controller('course-versions/:id/certification-criteria')
export class CertificationCriteriaController {
  constructor(private readonly criteria: CertificationCriteriaService) {}

  @Get()
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Certification criteria of a course version (admins, the course instructors)' })
  @ApiOkResponse({ type: CriteriaView })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string): Promise<CriteriaView> {
    return view(await this.criteria.read(principal, id));
  }

  @Put()
  @Roles('admin', 'instructor')
  @ApiOperation({ summary: 'Set the certification criteria of a course version; applies to later evaluations' })
  @ApiOkResponse({ type: CriteriaView })
  async put(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string, @Body() body: UpdateCriteriaDto): Promise<CriteriaView> {
    return view(await this.criteria.update(principal, id, body));
  }
}
