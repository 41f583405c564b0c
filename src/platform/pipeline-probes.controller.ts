import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles, UuidParam } from '@gds/http';
import { PipelineProbes } from './pipeline-probes.service';
import { PipelineProbe } from './pipeline-probe.entity';
import { PipelineProbeView } from './dto/platform.dto';

const view = (p: PipelineProbe): PipelineProbeView => ({
  id: p.id,
  status: p.handledAt ? 'handled' : 'queued',
  createdAt: p.createdAt.toISOString(),
  handledAt: p.handledAt?.toISOString() ?? null,
  handledRuns: p.handledRuns,
  url: `/api/v1/admin/pipeline-probes/${p.id}`,
});

@ApiTags('operations')
@Controller('admin/pipeline-probes')
export class PipelineProbesController {
  constructor(private readonly probes: PipelineProbes) {}

  @Post()
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a probe through outbox, relay, queue and worker' })
  @ApiAcceptedResponse({ type: PipelineProbeView })
  async send(): Promise<PipelineProbeView> {
    return view(await this.probes.send());
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: PipelineProbeView })
  @ApiProblems(404)
  async get(@Param('id', UuidParam()) id: string): Promise<PipelineProbeView> {
    return view(await this.probes.get(id));
  }
}
