import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** One dependency's state, as @nestjs/terminus reports it (`message` says why it is down). */
export class DependencyStateView {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional() message?: string;
}

/** Readiness (the @nestjs/terminus report): every dependency under `details`, the ones up under `info`. */
export class ReadinessView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStateView' } }) info: Record<string, DependencyStateView>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStateView' } }) error: Record<string, DependencyStateView>;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/DependencyStateView' } }) details: Record<string, DependencyStateView>;
}

export class JobFailureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() queue: string;
  @ApiProperty() jobName: string;
  @ApiProperty() jobId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The job’s payload (ids, never secrets)' }) payload: Record<string, unknown>;
  @ApiProperty({ type: 'integer' }) attemptsMade: number;
  @ApiProperty({ description: 'The last attempt’s error message' }) error: string;
  @ApiProperty({ format: 'date-time' }) failedAt: string;
}

export class PipelineProbeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'handled'] }) status: 'queued' | 'handled';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) handledAt: string | null;
  @ApiProperty({ type: 'integer', description: 'How many times the worker ran it (1 unless a job was repeated)' }) handledRuns: number;
  @ApiProperty({ description: 'Where to poll it' }) url: string;
}

export class QueueDepthView {
  @ApiProperty() queue: string;
  @ApiProperty({ description: 'false when Redis did not answer; the counts are then null' }) available: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) waiting: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) active: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) delayed: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) failed: number | null;
}

export class OutboxLagView {
  @ApiProperty({ type: 'integer', description: 'Outbox rows not yet moved to a queue' }) pending: number;
  @ApiProperty({ type: 'integer', description: 'Of those, the ones already due (delayed retries wait for their time)' }) due: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestDueAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'How long the oldest due row has waited, in seconds' }) oldestDueAgeSeconds: number | null;
  @ApiProperty({ type: 'integer', description: 'Unsent rows a relay claimed but neither moved nor retried before its lease ran out (a relay that died or hung holding them)' })
  abandonedClaims: number;
}

export class PipelineHealthView {
  @ApiProperty({ format: 'date-time' }) measuredAt: string;
  @ApiProperty({ type: OutboxLagView }) outbox: OutboxLagView;
  @ApiProperty({ type: [QueueDepthView] }) queues: QueueDepthView[];
}

export class QueueDashboardSessionView {
  @ApiProperty({ description: 'Where the dashboard is; open it in this browser' }) url: string;
  @ApiProperty({ format: 'date-time', description: 'When the cookie (and the access token it holds) expires; ask again after' }) expiresAt: string;
}
