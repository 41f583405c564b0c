import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fair check-in records who made it: the trainee themself, an employer they meet there, or
 * programme staff. `checked_in_by` is a user of the identity module (no foreign key crosses a
 * module boundary). Check-ins made before this migration were all the trainee's own. An
 * employer's check-in is an access to the pipeline, audited like the others ('fair_check_in').
 */
/** The employer actions before this migration (its own copy: a migration never changes with the code). */
const ACTIONS = ['search', 'profile_view', 'shortlist', 'interview_request', 'outcome', 'hire', 'fair_slots'];

export class FairCheckInBy1796100000000 implements MigrationInterface {
  name = 'FairCheckInBy1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE career_fair_registration
        ADD COLUMN checked_in_by uuid,
        ADD COLUMN checked_in_as text CONSTRAINT career_fair_registration_checked_in_as_check CHECK (checked_in_as IN ('self', 'employer', 'admin'))`);
    await q.query(`UPDATE career_fair_registration SET checked_in_by = trainee_id, checked_in_as = 'self' WHERE checked_in_at IS NOT NULL`);
    await q.query(`
      ALTER TABLE career_fair_registration ADD CONSTRAINT career_fair_registration_check_in_whole
        CHECK ((checked_in_at IS NULL) = (checked_in_as IS NULL) AND (checked_in_at IS NULL) = (checked_in_by IS NULL))`);
    await q.query(`
      ALTER TABLE employer_access DROP CONSTRAINT employer_access_action_check,
        ADD CONSTRAINT employer_access_action_check CHECK (action IN (${ACTIONS.map((a) => `'${a}'`).join(',')}, 'fair_check_in'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The employer access log keeps its 'fair_check_in' rows and the check that allows them: an audit
    // record is never deleted by a rollback, and the older code only never writes that action.
    await q.query('ALTER TABLE career_fair_registration DROP CONSTRAINT career_fair_registration_check_in_whole, DROP COLUMN checked_in_as, DROP COLUMN checked_in_by');
  }
}
