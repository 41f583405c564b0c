import { Injectable, Logger } from '@nestjs/common';
import { HandledJob, JobHandler } from '@gds/queue';
import { CohortOutcomes } from './cohort-outcomes.service';

/**
 * Keeps report snapshots current: a job scheduler (the catalog's `refresh-cohort-reports`) refreshes every cohort's
 * snapshot, and one cohort's refresh can be asked for on its own. Refreshing twice is harmless:
 * the newer computation wins.
 */
@Injectable()
export class ReportRefresh {
  private readonly logger = new Logger(ReportRefresh.name);

  constructor(private readonly outcomes: CohortOutcomes) {}

  @JobHandler('refresh-cohort-report')
  async refreshOne(job: HandledJob<'refresh-cohort-report'>): Promise<void> {
    await this.outcomes.refresh(job.data.cohortId);
  }

  @JobHandler('refresh-cohort-reports')
  async refreshAll(): Promise<void> {
    const count = await this.outcomes.refreshAll();
    this.logger.debug(`refreshed ${count} cohort report snapshots`);
  }
}
