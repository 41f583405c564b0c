import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the keyset pages of the selection workbench (issue 23.4): each sort it offers reads on
 * from the cursor through an index instead of ranking the whole cohort's applications in memory.
 * - by submission time (either direction: one index read forwards or backwards);
 * - by score, ascending and descending, ties by submission time then id ascending (the order of
 *   both directions, so each needs its own index); the same index counts the ranks of a page;
 * - by status: one status after another through the existing (cohort, status, submitted_at, id).
 * Plain CREATE INDEX like the other index migrations (each migration runs in its own transaction).
 */
export class SelectionKeysetIndexes1797400000000 implements MigrationInterface {
  name = 'SelectionKeysetIndexes1797400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX application_submitted_idx ON application (cohort_id, submitted_at, id)');
    await q.query('CREATE INDEX application_score_idx ON application (cohort_id, score, submitted_at, id)');
    await q.query('CREATE INDEX application_score_desc_idx ON application (cohort_id, score DESC, submitted_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX application_score_desc_idx');
    await q.query('DROP INDEX application_score_idx');
    await q.query('DROP INDEX application_submitted_idx');
  }
}
