import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { notFound, ProblemException, unprocessable } from '@gds/http';
import { HandledJob, JOB_CATALOG, JobHandler, jobIdFor, Outbox, QueueRegistry } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { ENROLLING_STATUSES } from './cohort-lifecycle';
import { CohortAccess } from './cohort-access.service';
import { TrackQuotas } from './track-quotas.service';
import { EnrollmentWriter } from './enrollment-writer.service';
import { Enrollment, ImportRow, ImportRowResult, TraineeImport } from './enrollment.entity';
import { parseTraineeCsv } from './trainee-csv';

/**
 * CSV bulk import of trainees into a cohort. The file is checked whole on upload (nothing stored
 * when any row is bad); a worker then creates accounts (invited to set a password) and enrolls each
 * row in its own transaction, reporting per row. A second run of the same file finds everyone
 * enrolled and changes nothing.
 */
@Injectable()
export class TraineeImports {
  private readonly logger = new Logger(TraineeImports.name);

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
    private readonly writer: EnrollmentWriter,
    private readonly outbox: Outbox,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
    private readonly quotas: TrackQuotas,
  ) {}

  @Transactional()
  async start(cohortId: string, csv: string, actorId: string) {
    const cohort = await this.access.cohort(cohortId);
    if (!ENROLLING_STATUSES.includes(cohort.status)) throw unprocessable('cohort-not-enrolling', `A ${cohort.status} cohort takes no enrollments.`);
    const versions: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const rows = parseTraineeCsv(csv, { maxRows: this.config.IMPORT_MAX_ROWS, courseVersionIds: versions.map((v) => v.id) });
    const [row] = await this.txHost.tx.query('INSERT INTO trainee_import (cohort_id, actor_id, rows) VALUES ($1, $2, $3) RETURNING id', [cohortId, actorId, JSON.stringify(rows)]);
    await this.outbox.publish('import-trainees', { importId: row.id });
    return this.status(row.id);
  }

  async status(id: string) {
    const found = await this.txHost.tx.getRepository(TraineeImport).findOneBy({ id });
    if (!found) throw notFound('Import');
    const job = await this.queues.jobStatus(JOB_CATALOG['import-trainees'].queue, jobIdFor('import-trainees', { importId: id })).catch(() => null);
    return {
      id,
      cohortId: found.cohortId,
      status: found.status,
      rows: found.rows.length,
      progress: found.status === 'finished' ? 100 : typeof job?.progress === 'number' ? job.progress : 0,
      job,
      report: found.report,
      createdAt: found.createdAt.toISOString(),
      finishedAt: found.finishedAt?.toISOString() ?? null,
      url: `/api/v1/imports/${id}`,
    };
  }

  @JobHandler('import-trainees')
  async handle(job: HandledJob<'import-trainees'>): Promise<void> {
    const found = await this.txHost.tx.getRepository(TraineeImport).findOneBy({ id: job.data.importId });
    if (!found || found.status === 'finished') return;
    await this.txHost.tx.query(`UPDATE trainee_import SET status = 'running' WHERE id = $1`, [found.id]);
    const results: ImportRowResult[] = [];
    for (const [index, row] of found.rows.entries()) {
      results.push(await this.importRowSafely(found, row));
      if (index % 10 === 9 || index === found.rows.length - 1) await job.updateProgress(Math.round(((index + 1) / found.rows.length) * 100));
    }
    await this.finish(found, results);
  }

  private async importRowSafely(found: TraineeImport, row: ImportRow): Promise<ImportRowResult> {
    try {
      return await this.importRow(found, row);
    } catch (error) {
      if (error instanceof ProblemException) return { line: row.line, email: row.email, outcome: 'error', error: error.detail ?? error.slug };
      this.logger.error({ msg: 'import row failed', importId: found.id, line: row.line, error: (error as Error).message });
      return { line: row.line, email: row.email, outcome: 'error', error: 'unexpected error' };
    }
  }

  @Transactional()
  async importRow(found: TraineeImport, row: ImportRow): Promise<ImportRowResult> {
    const { person, created } = await this.users.findOrInvite({ email: row.email, displayName: row.displayName }, found.actorId);
    const base = { line: row.line, email: row.email, accountCreated: created };
    if (!person.active || !person.roles.includes('trainee')) return { ...base, outcome: 'error', error: 'the account is not an active trainee' };
    const cohort = await this.writer.lockCohort(found.cohortId);
    const existing = await this.txHost.tx.getRepository(Enrollment).findOneBy({ cohortId: cohort.id, traineeId: person.id });
    if (existing && existing.status !== 'withdrawn') return { ...base, outcome: 'already-enrolled' };
    const courseVersionId = row.courseVersionId ?? (await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohort.id]))[0].id;
    // Track quotas bind imports as they bind accepts: a full track's row is an error, the others go on.
    await this.quotas.requireRoom(cohort, courseVersionId);
    await this.writer.enroll(cohort, { cohortId: cohort.id, traineeId: person.id, courseVersionId, source: 'import' });
    return { ...base, outcome: 'enrolled' };
  }

  @Transactional()
  async finish(found: TraineeImport, results: ImportRowResult[]): Promise<void> {
    const report = {
      rows: results,
      enrolled: results.filter((r) => r.outcome === 'enrolled').length,
      alreadyEnrolled: results.filter((r) => r.outcome === 'already-enrolled').length,
      errors: results.filter((r) => r.outcome === 'error').length,
    };
    await this.txHost.tx.query(`UPDATE trainee_import SET status = 'finished', report = $2, finished_at = now() WHERE id = $1`, [found.id, JSON.stringify(report)]);
    if (found.actorId) {
      const [cohort]: Array<{ name: string }> = await this.txHost.tx.query('SELECT name FROM cohort WHERE id = $1', [found.cohortId]);
      await this.outbox.publish('notify', {
        type: 'import-finished',
        eventKey: `import-finished:${found.id}`,
        recipientIds: [found.actorId],
        data: { importId: found.id, cohortId: found.cohortId, cohortName: cohort?.name ?? null, enrolled: report.enrolled, alreadyEnrolled: report.alreadyEnrolled, errors: report.errors },
      });
    }
  }
}
