import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A direct enrolment's waiver of prerequisites now says why (DirectEnrollDto.overrideReason, required
 * with the waiver). Nullable: waivers recorded before it was asked for have none and stay as they are.
 * The check mirrors the DTO (trimmed, 1..500) so a blank reason cannot be written by another path.
 */
export class PrerequisiteWaiverReason1797770000000 implements MigrationInterface {
  name = 'PrerequisiteWaiverReason1797770000000';

  async up(q: QueryRunner): Promise<void> {
    // No default, so no table rewrite; the check scans a table of rare admin waivers.
    await q.query(`ALTER TABLE prerequisite_waiver ADD COLUMN reason text CHECK (reason IS NULL OR (char_length(reason) BETWEEN 1 AND 500 AND reason = btrim(reason)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the column would lose the admins' reasons: refuse while any is kept.
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM prerequisite_waiver WHERE reason IS NOT NULL');
    if (n > 0) throw new Error(`Cannot revert PrerequisiteWaiverReason: ${n} waivers in prerequisite_waiver carry a reason, and dropping the column would lose them.`);
    await q.query('ALTER TABLE prerequisite_waiver DROP COLUMN reason');
  }
}
