import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /cohorts/:id/version-moves pages oldest first by (moved_at, id) (issue 23.4): the index carries
 * the id, so a page is one index range read to its limit. It replaces (cohort_id, moved_at), its prefix.
 */
export class VersionMoveKeysetIndex1797740000002 implements MigrationInterface {
  name = 'VersionMoveKeysetIndex1797740000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX cohort_version_move_keyset_idx ON cohort_version_move (cohort_id, moved_at, id)');
    await q.query('DROP INDEX cohort_version_move_cohort_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX cohort_version_move_cohort_idx ON cohort_version_move (cohort_id, moved_at)');
    await q.query('DROP INDEX cohort_version_move_keyset_idx');
  }
}
