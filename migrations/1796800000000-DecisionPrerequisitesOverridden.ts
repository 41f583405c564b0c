import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin may accept an applicant who lacks a course prerequisite: the decision's audit entry
 * records which prerequisite courses were waived (null when none was).
 */
export class DecisionPrerequisitesOverridden1796800000000 implements MigrationInterface {
  name = 'DecisionPrerequisitesOverridden1796800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_decision ADD COLUMN prerequisites_overridden uuid[]');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_decision DROP COLUMN prerequisites_overridden');
  }
}
