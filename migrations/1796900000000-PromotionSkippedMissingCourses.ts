import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A `promotion-skipped` audit entry names the prerequisite courses the applicant lacked as course ids
 * (`prerequisites_missing`, like `prerequisites_overridden`), not as a sentence in one language: the
 * web app words it in the reader's language. Entries written before keep their English reason.
 */
export class PromotionSkippedMissingCourses1796900000000 implements MigrationInterface {
  name = 'PromotionSkippedMissingCourses1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE application_decision ADD COLUMN prerequisites_missing uuid[]');
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the column would lose which courses passed applicants over lacked: refuse while any entry records them.
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM application_decision WHERE prerequisites_missing IS NOT NULL');
    if (n > 0) {
      throw new Error(`Cannot revert PromotionSkippedMissingCourses: ${n} audit entries record missing prerequisite courses in application_decision.prerequisites_missing, and dropping the column would lose them.`);
    }
    await q.query('ALTER TABLE application_decision DROP COLUMN prerequisites_missing');
  }
}
