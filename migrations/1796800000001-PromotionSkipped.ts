import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A waitlisted applicant passed over for a free seat because they lack a course prerequisite stays
 * waitlisted; the audit trail says so (action `promotion-skipped`, with the missing courses as reason).
 */
export class PromotionSkipped1796800000001 implements MigrationInterface {
  name = 'PromotionSkipped1796800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_decision DROP CONSTRAINT application_decision_action_check`);
    await q.query(`ALTER TABLE application_decision ADD CONSTRAINT application_decision_action_check
      CHECK (action IN ('submit','score','shortlist','accept','waitlist','reject','withdraw','promote','revert','promotion-skipped'))`);
  }

  /**
   * The audit trail is history and is not deleted: the old constraint comes back NOT VALID, so it
   * binds new rows only and the `promotion-skipped` entries already written survive the revert.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_decision DROP CONSTRAINT application_decision_action_check`);
    await q.query(`ALTER TABLE application_decision ADD CONSTRAINT application_decision_action_check
      CHECK (action IN ('submit','score','shortlist','accept','waitlist','reject','withdraw','promote','revert')) NOT VALID`);
  }
}
