import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentPrincipal, Principal, Roles, UuidParam } from '@gds/http';
import { Regrades } from './regrades.service';
import { Regrade } from './regrade.entity';
import { RegradeView } from './dto/assessment-views.dto';

export function regradeView(r: Regrade, job: { state: string; progress: unknown } | null): RegradeView {
  return {
    id: r.id, assessmentId: r.assessmentId, keyVersionId: r.keyVersionId, reason: r.reason, status: r.status,
    total: r.total, done: r.done, changed: r.changed,
    progress: typeof job?.progress === 'number' ? job.progress : r.status === 'finished' ? 100 : 0,
    jobState: job?.state ?? null,
    createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    url: `/api/v1/regrades/${r.id}`,
  };
}

@ApiTags('assessments')
@Controller('regrades')
export class RegradesController {
  constructor(private readonly regrades: Regrades) {}

  @Get(':id')
  @Roles('instructor', 'admin')
  @ApiOperation({ summary: 'A regrade’s progress and how many grades it changed' })
  @ApiOkResponse({ type: RegradeView })
  @ApiProblems(404)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam()) id: string) {
    const { regrade, job } = await this.regrades.get(id, principal);
    return regradeView(regrade, job);
  }
}
