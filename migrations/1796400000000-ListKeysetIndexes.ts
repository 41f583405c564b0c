import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the keyset pages of the cohort roster and gradebook (issue 23.4), so the page after
 * any cursor reads on through an index instead of sorting the whole cohort:
 * - the roster's order: percent complete, enrolled at, id within a cohort;
 * - the gradebook's order: enrolled at to the millisecond (in UTC, which keeps the expression
 *   immutable), id within a cohort and course version.
 */
export class ListKeysetIndexes1796400000000 implements MigrationInterface {
  name = 'ListKeysetIndexes1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX enrollment_roster_idx ON enrollment (cohort_id, percent_complete, enrolled_at, id)');
    await q.query(`CREATE INDEX enrollment_gradebook_idx ON enrollment (cohort_id, course_version_id, date_trunc('milliseconds', enrolled_at AT TIME ZONE 'UTC'), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX enrollment_gradebook_idx');
    await q.query('DROP INDEX enrollment_roster_idx');
  }
}
