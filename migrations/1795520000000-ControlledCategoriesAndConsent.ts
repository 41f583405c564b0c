import { MigrationInterface, QueryRunner } from 'typeorm';

/** Belize's districts (PROFILE_DISTRICTS' default): free-text districts are mapped to the closest of these. */
const DISTRICTS = ['Belize', 'Cayo', 'Corozal', 'Orange Walk', 'Stann Creek', 'Toledo'];

/**
 * Organisations (the employers' controlled list), demographic consent, and the profile history that
 * keeps every free-text district and employer as typed before they became controlled categories.
 */
export class ControlledCategoriesAndConsent1795520000000 implements MigrationInterface {
  name = 'ControlledCategoriesAndConsent1795520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_lower_key ON organisation (lower(name))`);
    await q.query(`
      CREATE TABLE demographic_consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version >= 1),
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz
      )`);
    // At most one consent in force per user.
    await q.query(`CREATE UNIQUE INDEX demographic_consent_in_force_key ON demographic_consent (user_id) WHERE withdrawn_at IS NULL`);
    await q.query(`
      CREATE TABLE profile_field_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        field text NOT NULL CHECK (field IN ('district', 'employer')),
        value text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        note text NOT NULL
      )`);
    await q.query(`CREATE INDEX profile_field_history_user_idx ON profile_field_history (user_id, recorded_at)`);
    await q.query(
      `INSERT INTO profile_field_history (user_id, field, value, note)
       SELECT id, 'district', district, 'free text before controlled lists' FROM app_user WHERE district IS NOT NULL
       UNION ALL
       SELECT id, 'employer', employer, 'free text before controlled lists' FROM app_user WHERE employer IS NOT NULL`,
    );
    // Closest listed district: the same name ignoring case, spaces and a trailing "district"; else "other".
    await q.query(
      `UPDATE app_user u SET district = coalesce(
         (SELECT d FROM unnest($1::text[]) AS d
           WHERE lower(regexp_replace(d, '\\s+', '', 'g')) = lower(regexp_replace(regexp_replace(u.district, '(?i)\\s*district\\s*$', ''), '\\s+', '', 'g'))),
         'other')
       WHERE district IS NOT NULL`,
      [DISTRICTS],
    );
    // No organisation existed before this migration: every employer typed as text becomes "other".
    await q.query(`UPDATE app_user SET employer = 'other' WHERE employer IS NOT NULL`);
    // Snapshots computed before were protected table by table and named free-text categories: never serve them again.
    await q.query(`DELETE FROM report_snapshot`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE app_user u SET district = h.value FROM profile_field_history h
        WHERE h.user_id = u.id AND h.field = 'district' AND h.note = 'free text before controlled lists'`,
    );
    await q.query(
      `UPDATE app_user u SET employer = h.value FROM profile_field_history h
        WHERE h.user_id = u.id AND h.field = 'employer' AND h.note = 'free text before controlled lists'`,
    );
    await q.query(`DROP TABLE profile_field_history, demographic_consent, organisation`);
  }
}
