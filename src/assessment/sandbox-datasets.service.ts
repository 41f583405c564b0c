import { Injectable, Logger } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { HandledJob, JobHandler } from '@gds/queue';
import { AppConfig } from '../config/app-config';
import { datasetHash, handleOfHash, SandboxDataset } from './sandbox/sandbox-names';
import { SandboxProvisioner } from './sandbox/sandbox-provisioner.service';

/** A dataset's last use is written at most this often per process (not once per graded answer). */
const RECORD_EVERY_MS = 10 * 60 * 1000;

/**
 * Keeps the sandbox to the datasets assessments use. Every use (grading, a trial run, saving a key)
 * marks the dataset used; keys frozen into published versions are remembered for good. A daily sweep
 * drops the schema and reader role of every dataset that no draft key and no frozen key names and
 * that nobody used for SANDBOX_DATASET_GRACE_DAYS; should one be wanted again, it is provisioned
 * again on first use, as any new dataset is.
 */
@Injectable()
export class SandboxDatasets {
  private readonly logger = new Logger(SandboxDatasets.name);
  private readonly recorded = new Map<string, number>();

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly provisioner: SandboxProvisioner,
    private readonly config: AppConfig,
  ) {}

  /** Marks a dataset used now (at most every 10 minutes per process and dataset). */
  async used(dataset: SandboxDataset): Promise<void> {
    const hash = datasetHash(dataset);
    if (Date.now() - (this.recorded.get(hash) ?? 0) < RECORD_EVERY_MS) return;
    this.recorded.set(hash, Date.now());
    await this.txHost.tx.query(
      'INSERT INTO sandbox_dataset (hash, last_used_at) VALUES ($1, now()) ON CONFLICT (hash) DO UPDATE SET last_used_at = now()',
      [hash],
    );
  }

  /** The dataset of a key frozen into a published version: kept as long as the sandbox exists. */
  async frozen(assessmentId: string, dataset: SandboxDataset): Promise<void> {
    await this.txHost.tx.query('INSERT INTO sandbox_dataset_use (assessment_id, dataset_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [assessmentId, datasetHash(dataset)]);
  }

  @JobHandler('sweep-sandbox-datasets')
  async sweep(_job?: HandledJob<'sweep-sandbox-datasets'>, graceDays = this.config.SANDBOX_DATASET_GRACE_DAYS): Promise<{ dropped: number }> {
    const keep = await this.inUse();
    const idle: Array<{ hash: string }> = await this.txHost.tx.query(
      `SELECT hash FROM sandbox_dataset WHERE last_used_at < now() - make_interval(days => $1) ORDER BY last_used_at LIMIT 500`,
      [graceDays],
    );
    let dropped = 0;
    for (const { hash } of idle) {
      if (keep.has(hash)) continue;
      await this.provisioner.drop(handleOfHash(hash));
      await this.txHost.tx.query('DELETE FROM sandbox_dataset WHERE hash = $1 AND last_used_at < now() - make_interval(days => $2)', [hash, graceDays]);
      this.recorded.delete(hash);
      dropped++;
    }
    if (dropped) this.logger.log(`Dropped ${dropped} unused sandbox dataset(s)`);
    return { dropped };
  }

  /** Datasets named by a draft SQL key or a key frozen into a published version. */
  private async inUse(): Promise<Set<string>> {
    const drafts: Array<{ key: { dataset?: SandboxDataset } }> = await this.txHost.tx.query(`SELECT answer_key AS key FROM assessment WHERE kind = 'sql'`);
    const frozen: Array<{ hash: string }> = await this.txHost.tx.query('SELECT DISTINCT dataset_hash AS hash FROM sandbox_dataset_use');
    return new Set([...drafts.filter((d) => d.key?.dataset).map((d) => datasetHash(d.key.dataset!)), ...frozen.map((f) => f.hash)]);
  }
}
