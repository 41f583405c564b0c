import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { Outbox } from '@gds/queue';
import { Principal } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { CohortFactsSource } from './ports/cohort-facts.source';
import { OutcomeFacts } from './outcome-facts.service';
import { ReportAccess } from './report-access.service';
import { cohortOutcomeReport, CohortOutcomeReport } from './cohort-outcome-report';
import { crossCohortReport, CrossCohortReport } from './cross-cohort-report';
import { ReportSnapshot } from './report-snapshot.entity';

/**
 * Outcome reports. A report at the configured k is kept as a snapshot that the worker refreshes
 * (REPORT_REFRESH_INTERVAL_SECONDS), so a 10,000-trainee cohort is answered from one row; a
 * snapshot older than REPORT_SNAPSHOT_MAX_AGE_SECONDS, or a report at another k, is computed live.
 * Every report says when it was computed (asOf).
 */
@Injectable()
export class CohortOutcomes {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
    private readonly access: ReportAccess,
    private readonly facts: OutcomeFacts,
    private readonly cohorts: CohortFactsSource,
    private readonly outbox: Outbox,
  ) {}

  async forCohort(principal: Principal, cohortId: string, k?: number): Promise<CohortOutcomeReport> {
    const cohort = await this.access.visibleCohort(principal, cohortId);
    const minCellSize = k ?? this.config.REPORT_MIN_CELL_SIZE;
    if (minCellSize === this.config.REPORT_MIN_CELL_SIZE) {
      const snapshot = await this.freshSnapshot(cohortId);
      if (snapshot) return snapshot;
    }
    const report = cohortOutcomeReport(await this.facts.gather(cohort, new Date(), minCellSize));
    if (minCellSize === this.config.REPORT_MIN_CELL_SIZE) await this.store(report);
    return report;
  }

  async acrossCohorts(principal: Principal, k?: number): Promise<CrossCohortReport> {
    const minCellSize = k ?? this.config.REPORT_MIN_CELL_SIZE;
    const asOf = new Date();
    const cohorts = await this.access.visibleCohorts(principal);
    const inputs = await Promise.all(cohorts.map((c) => this.facts.gather(c, asOf, minCellSize)));
    return crossCohortReport(inputs, asOf, minCellSize);
  }

  /** Asks the worker to recompute a cohort's snapshot now; requests within one second make one job. */
  @Transactional()
  async requestRefresh(principal: Principal, cohortId: string): Promise<{ id: string; status: 'queued'; url: string }> {
    await this.access.visibleCohort(principal, cohortId);
    await this.outbox.publish('refresh-cohort-report', { cohortId, requestedSecond: Math.floor(Date.now() / 1000) });
    return { id: cohortId, status: 'queued', url: `/api/v1/reports/cohorts/${cohortId}/outcomes` };
  }

  /** Recomputes a cohort's snapshot (the refresh job); a cohort gone since answers nothing. */
  async refresh(cohortId: string): Promise<void> {
    const cohort = await this.cohorts.cohort(cohortId);
    if (!cohort) return;
    await this.store(cohortOutcomeReport(await this.facts.gather(cohort, new Date(), this.config.REPORT_MIN_CELL_SIZE)));
  }

  async refreshAll(): Promise<number> {
    const ids = await this.cohorts.listCohortIds();
    for (const id of ids) await this.refresh(id);
    return ids.length;
  }

  /** Placements changed: the next read computes afresh. */
  async invalidate(cohortId: string): Promise<void> {
    await this.txHost.tx.getRepository(ReportSnapshot).delete({ cohortId });
  }

  private async freshSnapshot(cohortId: string): Promise<CohortOutcomeReport | null> {
    const maxAge = this.config.REPORT_SNAPSHOT_MAX_AGE_SECONDS;
    if (maxAge === 0) return null;
    const rows: Array<{ report: CohortOutcomeReport }> = await this.txHost.tx.query(
      `SELECT report FROM report_snapshot WHERE cohort_id = $1 AND min_cell_size = $2 AND computed_at > now() - make_interval(secs => $3)`,
      [cohortId, this.config.REPORT_MIN_CELL_SIZE, maxAge],
    );
    return rows[0]?.report ?? null;
  }

  /** Keeps the newest computation when two refreshes race. */
  private async store(report: CohortOutcomeReport): Promise<void> {
    await this.txHost.tx.query(
      `INSERT INTO report_snapshot (cohort_id, min_cell_size, report, computed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (cohort_id) DO UPDATE SET min_cell_size = excluded.min_cell_size, report = excluded.report, computed_at = excluded.computed_at
       WHERE report_snapshot.computed_at <= excluded.computed_at`,
      [report.cohort.id, report.minCellSize, JSON.stringify(report), report.asOf],
    );
  }
}
