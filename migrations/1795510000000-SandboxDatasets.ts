import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which SQL datasets the sandbox holds and who uses them, so unused ones can be dropped:
 * `sandbox_dataset` (one row per provisioned dataset, with when it was last used) and
 * `sandbox_dataset_use` (the datasets of keys frozen into published versions, which never change).
 * Draft keys are read from `assessment` itself.
 */
export class SandboxDatasets1795510000000 implements MigrationInterface {
  name = 'SandboxDatasets1795510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sandbox_dataset (
        hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
        last_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sandbox_dataset_use (
        assessment_id uuid NOT NULL,
        dataset_hash text NOT NULL CHECK (dataset_hash ~ '^[0-9a-f]{64}$'),
        frozen_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, dataset_hash)
      )`);
    await q.query('CREATE INDEX sandbox_dataset_use_hash_idx ON sandbox_dataset_use (dataset_hash)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sandbox_dataset_use');
    await q.query('DROP TABLE sandbox_dataset');
  }
}
