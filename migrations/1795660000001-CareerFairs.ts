import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 5: career fairs. One-to-one meetings must never clash, whatever the concurrency:
 * a slot holds one booking (unique slot_id) and a trainee's bookings never overlap in time (an
 * exclusion constraint over the meeting's time range; btree_gist for the uuid equality).
 */
export class CareerFairs1795660000001 implements MigrationInterface {
  name = 'CareerFairs1795660000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE career_fair (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        place text CHECK (length(place) <= 300),
        online_url text CHECK (length(online_url) <= 500),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (place IS NOT NULL OR online_url IS NOT NULL)
      )`);
    await q.query(`CREATE TABLE career_fair_employer (fair_id uuid NOT NULL REFERENCES career_fair(id), organisation_id uuid NOT NULL, PRIMARY KEY (fair_id, organisation_id))`);
    await q.query(`CREATE INDEX career_fair_employer_organisation_idx ON career_fair_employer (organisation_id)`);
    await q.query(`CREATE TABLE career_fair_cohort (fair_id uuid NOT NULL REFERENCES career_fair(id), cohort_id uuid NOT NULL, PRIMARY KEY (fair_id, cohort_id))`);
    await q.query(`CREATE INDEX career_fair_cohort_cohort_idx ON career_fair_cohort (cohort_id)`);
    await q.query(`
      CREATE TABLE career_fair_registration (
        fair_id uuid NOT NULL REFERENCES career_fair(id),
        trainee_id uuid NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        checked_in_at timestamptz,
        PRIMARY KEY (fair_id, trainee_id)
      )`);
    await q.query(`CREATE INDEX career_fair_registration_trainee_idx ON career_fair_registration (trainee_id)`);
    await q.query(`
      CREATE TABLE fair_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES career_fair(id),
        organisation_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX fair_slot_fair_idx ON fair_slot (fair_id, starts_at, id)`);
    await q.query(`
      CREATE TABLE fair_booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slot_id uuid NOT NULL REFERENCES fair_slot(id),
        fair_id uuid NOT NULL REFERENCES career_fair(id),
        trainee_id uuid NOT NULL,
        during tstzrange NOT NULL,
        booked_at timestamptz NOT NULL DEFAULT now(),
        reminded_at timestamptz,
        CONSTRAINT fair_booking_slot_once UNIQUE (slot_id),
        CONSTRAINT fair_booking_trainee_no_clash EXCLUDE USING gist (trainee_id WITH =, during WITH &&)
      )`);
    // The reminder scan walks bookings not yet reminded, by meeting start.
    await q.query(`CREATE INDEX fair_booking_unreminded_idx ON fair_booking (lower(during)) WHERE reminded_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_booking, fair_slot, career_fair_registration, career_fair_cohort, career_fair_employer, career_fair`);
  }
}
