import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@gds/http';
import { PipelineHealth } from './pipeline-health.service';
import { PipelineHealthView } from './dto/platform.dto';

@ApiTags('operations')
@Controller('admin/pipeline-health')
export class PipelineHealthController {
  constructor(private readonly health: PipelineHealth) {}

  @Get()
  @Roles('admin')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Outbox lag and queue depth per queue, as numbers (the figures /metrics exports)' })
  @ApiOkResponse({ type: PipelineHealthView })
  async read(): Promise<PipelineHealthView> {
    const [outbox, queues] = await Promise.all([this.health.outboxLag(), this.health.queueDepths()]);
    return {
      measuredAt: new Date().toISOString(),
      outbox: { ...outbox, oldestDueAt: outbox.oldestDueAt?.toISOString() ?? null },
      queues,
    };
  }
}
