import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue lists a cohort's submissions awaiting review and those whose grading failed
 * (`status IN ('needs_review', 'error')`), oldest first, by keyset. The old partial index covered
 * needs_review only, so the queue could not use it and read the submissions sequentially; this one
 * covers both (and still serves the needs_review-only reads).
 */
export class ReviewQueueIndex1796400000001 implements MigrationInterface {
  name = 'ReviewQueueIndex1796400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX submission_review_queue_idx ON submission (cohort_id, submitted_at, id) WHERE status IN ('needs_review', 'error')`);
    await q.query('DROP INDEX submission_review_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX submission_review_idx ON submission (cohort_id, submitted_at, id) WHERE status = 'needs_review'`);
    await q.query('DROP INDEX submission_review_queue_idx');
  }
}
