import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { JobFailuresController } from './job-failures.controller';
import { PipelineProbes } from './pipeline-probes.service';
import { PipelineProbesController } from './pipeline-probes.controller';
import { PipelineHealth } from './pipeline-health.service';
import { PipelineHealthController } from './pipeline-health.controller';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';
import { WorkerHeartbeat } from './worker-heartbeat.service';

/** Operations: health, metrics, job failures and pipeline probes. */
@Module({ providers: [PipelineProbes, WorkerHeartbeat] })
export class PlatformModule {
  static withHttp(): DynamicModule {
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [PipelineHealth, MetricsService],
      controllers: [HealthController, MetricsController, JobFailuresController, PipelineProbesController, PipelineHealthController, QueueDashboardSessionController],
      exports: [MetricsService],
    };
  }
}
