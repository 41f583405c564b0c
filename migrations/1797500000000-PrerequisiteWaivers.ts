import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin's direct enrolment that waives prerequisites (`overridePrerequisites`) has no application,
 * so no decision audit entry: the waiver is kept here (who, when, which trainee into which cohort,
 * which missing courses, as they were named then). People are ids of the identity module (no foreign
 * key across modules); the enrollment and cohort are this module's.
 */
export class PrerequisiteWaivers1797500000000 implements MigrationInterface {
  name = 'PrerequisiteWaivers1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE prerequisite_waiver (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohort(id),
        enrollment_id uuid NOT NULL REFERENCES enrollment(id),
        trainee_id uuid NOT NULL,
        course_version_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        waived_courses jsonb NOT NULL CHECK (jsonb_typeof(waived_courses) = 'array' AND jsonb_array_length(waived_courses) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX prerequisite_waiver_cohort_idx ON prerequisite_waiver (cohort_id, created_at DESC, id DESC)');
    // Not unique: a withdrawn trainee enrolled again keeps the same enrollment row, and each waiver is an event of its own.
    await q.query('CREATE INDEX prerequisite_waiver_enrollment_idx ON prerequisite_waiver (enrollment_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    // Dropping the table would lose the record of waived prerequisites: refuse while any is kept.
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM prerequisite_waiver');
    if (n > 0) throw new Error(`Cannot revert PrerequisiteWaivers: ${n} waivers of prerequisites are recorded in prerequisite_waiver, and dropping the table would lose them.`);
    await q.query('DROP TABLE prerequisite_waiver');
  }
}
