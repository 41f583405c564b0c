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
    // Dropping the column would lose the record of which prerequisites admins waived: refuse while any decision records a waiver.
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM application_decision WHERE prerequisites_overridden IS NOT NULL');
    if (n > 0) {
      throw new Error(`Cannot revert DecisionPrerequisitesOverridden: ${n} decisions record waived prerequisites in application_decision.prerequisites_overridden, and dropping the column would lose them.`);
    }
    await q.query('ALTER TABLE application_decision DROP COLUMN prerequisites_overridden');
  }
}
