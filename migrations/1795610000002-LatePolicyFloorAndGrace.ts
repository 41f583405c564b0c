import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A late policy with a floor (a late answer never scores below this percent of what it earned)
 * and a grace period (work this many minutes after the due date is on time). Existing assessments
 * keep their behaviour: no floor, no grace.
 */
export class LatePolicyFloorAndGrace1795610000002 implements MigrationInterface {
  name = 'LatePolicyFloorAndGrace1795610000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assessment
        ADD COLUMN late_floor_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (late_floor_percent BETWEEN 0 AND 100),
        ADD COLUMN late_grace_minutes int NOT NULL DEFAULT 0 CHECK (late_grace_minutes BETWEEN 0 AND 10080)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE assessment DROP COLUMN late_floor_percent, DROP COLUMN late_grace_minutes');
  }
}
