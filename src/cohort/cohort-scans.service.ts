import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { HandledJob, JobHandler, Outbox } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { AT_RISK_SQL, FAILING_SQL } from './at-risk';
import { isoWeek } from './module-states';

/**
 * Scheduled work of the cohort module. The at-risk scan (daily) tells each trainee at risk, and the
 * cohort's instructors, at most once per ISO week; it also asks for a progress recompute of every
 * active enrollment of running cohorts so that modules opening by date are noticed and announced.
 * (The weekly digest is CohortWeeklyDigests'.)
 */
@Injectable()
export class CohortScans {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
  ) {}

  @JobHandler('scan-at-risk')
  async handleAtRisk(_job: HandledJob<'scan-at-risk'>): Promise<void> {
    await this.scanAtRisk();
  }

  /** Answers how many trainees were newly told. */
  @Transactional()
  async scanAtRisk(now = new Date()): Promise<number> {
    const week = isoWeek(now);
    const claimed: Array<{ id: string; trainee_id: string; cohort_id: string; cohort_name: string; failing: boolean; last_activity_at: Date | null }> = (
      await this.txHost.tx.query(
        `UPDATE enrollment e SET at_risk_week = $2
           FROM cohort c
          WHERE c.id = e.cohort_id AND ${AT_RISK_SQL('$1::int')} AND e.at_risk_week IS DISTINCT FROM $2
        RETURNING e.id, e.trainee_id, e.cohort_id, c.name AS cohort_name, ${FAILING_SQL} AS failing, e.last_activity_at`,
        [this.config.AT_RISK_INACTIVE_DAYS, week],
      )
    )[0];
    const instructors = await this.instructorsByCohort([...new Set(claimed.map((c) => c.cohort_id))]);
    await this.outbox.publishMany('notify', claimed.map((row) => {
      const eventKey = `at-risk:${row.id}:${week}`;
      return {
        payload: {
          type: 'at-risk' as const,
          eventKey,
          recipientIds: [row.trainee_id, ...(instructors.get(row.cohort_id) ?? [])],
          data: { enrollmentId: row.id, traineeId: row.trainee_id, cohortId: row.cohort_id, cohortName: row.cohort_name, reason: row.failing ? 'failing' : 'inactive', lastActivityAt: row.last_activity_at?.toISOString() ?? null },
        },
      };
    }));
    const active: Array<{ id: string }> = await this.txHost.tx.query(
      `SELECT e.id FROM enrollment e JOIN cohort c ON c.id = e.cohort_id WHERE c.status = 'running' AND e.status = 'active'`,
    );
    await this.outbox.publishMany('recompute-progress', active.map((e) => ({ payload: { enrollmentId: e.id } })));
    return claimed.length;
  }

  private async instructorsByCohort(cohortIds: string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ cohort_id: string; user_id: string }> = await this.txHost.tx.query(
      'SELECT cohort_id, user_id FROM cohort_instructor WHERE cohort_id = ANY($1::uuid[])',
      [cohortIds],
    );
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.cohort_id, [...(map.get(row.cohort_id) ?? []), row.user_id]);
    return map;
  }
}
