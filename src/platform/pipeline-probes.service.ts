import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { notFound } from '@gds/http';
import { PipelineProbe } from './pipeline-probe.entity';

/**
 * Operators (and the outbox tests) send probes through the whole event pipeline and read whether —
 * and how many times — each was handled. A healthy pipeline handles each probe exactly once.
 */
@Injectable()
export class PipelineProbes {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
  ) {}

  @Transactional()
  async send(): Promise<PipelineProbe> {
    const id = randomUUID();
    await this.txHost.tx.getRepository(PipelineProbe).insert({ id });
    await this.outbox.publish('pipeline-probe', { probeId: id });
    return this.get(id);
  }

  async get(id: string): Promise<PipelineProbe> {
    const probe = await this.txHost.tx.getRepository(PipelineProbe).findOneBy({ id });
    if (!probe) throw notFound('Probe');
    return probe;
  }

  @JobHandler('pipeline-probe')
  async handle(job: HandledJob<'pipeline-probe'>): Promise<void> {
    await this.txHost.tx.query(
      'UPDATE pipeline_probe SET handled_runs = handled_runs + 1, handled_at = coalesce(handled_at, now()) WHERE id = $1',
      [job.data.probeId],
    );
  }
}
