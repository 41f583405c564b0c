import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GET /me/applications pages a trainee's applications newest first by (submitted_at, id) (issue
 * 23.4). No index began with trainee_id (the one-per-trainee constraint is (cohort_id, trainee_id)),
 * so each read scanned every application; with this one a page is one index range read.
 */
export class ApplicationTraineeKeysetIndex1797780000001 implements MigrationInterface {
  name = 'ApplicationTraineeKeysetIndex1797780000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX application_trainee_keyset_idx ON application (trainee_id, submitted_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX application_trainee_keyset_idx');
  }
}
