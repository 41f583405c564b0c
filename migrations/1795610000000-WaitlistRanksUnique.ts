import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cohort's waitlist ranks are a permutation 1..n: re-ranking used to leave two applicants on the
 * same rank. Existing waitlists are renumbered in their current order (rank, then who applied
 * first), then a unique constraint keeps them apart. It is checked at commit, so one statement
 * may shift a whole waitlist by one.
 */
export class WaitlistRanksUnique1795610000000 implements MigrationInterface {
  name = 'WaitlistRanksUnique1795610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE application a SET waitlist_rank = o.r
        FROM (SELECT id, row_number() OVER (PARTITION BY cohort_id ORDER BY waitlist_rank NULLS LAST, submitted_at, id) AS r
                FROM application WHERE status = 'waitlisted') o
       WHERE a.id = o.id AND a.waitlist_rank IS DISTINCT FROM o.r`);
    await q.query(`
      ALTER TABLE application ADD CONSTRAINT application_waitlist_rank_once
        UNIQUE (cohort_id, waitlist_rank) DEFERRABLE INITIALLY DEFERRED`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_waitlist_rank_once`);
  }
}
