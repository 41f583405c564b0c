import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { ApiProblems, Public, PROBLEM_BASE, titleOf } from '@gds/http';
import { QueueRegistry } from '@gds/queue';
import { DependencyStateView, LivenessView, ReadinessView } from './dto/platform.dto';

const REDIS_PING_TIMEOUT_MS = 1_500;

@ApiTags('health')
@ApiExtraModels(DependencyStateView)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queues: QueueRegistry,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: Postgres and Redis answer (503 otherwise, with the same report under info, error and details)' })
  @ApiOkResponse({ type: ReadinessView })
  @ApiProblems(503)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessView | Record<string, unknown>> {
    try {
      return (await this.health.check([() => this.database.pingCheck('postgres', { timeout: 1_500 }), () => this.redis()])) as ReadinessView;
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Like every other error, a problem; the dependencies' states ride along as extension members.
      const { info, error: down, details } = error.getResponse() as Partial<ReadinessView>;
      reply.status(503).header('content-type', 'application/problem+json; charset=utf-8');
      return { type: PROBLEM_BASE + 'unavailable', title: titleOf(503), status: 503, detail: 'Postgres or Redis does not answer.', info, error: down, details };
    }
  }

  private async redis() {
    const indicator = this.indicators.check('redis');
    try {
      const client = await this.queues.get('grading').backend.client;
      await Promise.race([
        (client as unknown as { ping(): Promise<string> }).ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_PING_TIMEOUT_MS)),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
