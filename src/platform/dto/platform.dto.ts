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
