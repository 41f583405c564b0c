import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: the employer role (a user bound to one organisation) and the talent pipeline's own
 * tables: opt-in profiles with the evidence they were listed with (searched by track and skill),
 * the log of every employer access (profile views among them), shortlists per named role and
 * interview requests with their outcome per stage.
 */
export class TalentPipeline1795660000000 implements MigrationInterface {
  name = 'TalentPipeline1795660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check`);
    await q.query(`
      ALTER TABLE app_user
        ADD CONSTRAINT app_user_roles_check CHECK (roles <@ ARRAY['admin','instructor','trainee','reviewer','employer']::text[] AND cardinality(roles) > 0),
        ADD COLUMN organisation_id uuid,
        ADD CONSTRAINT app_user_employer_organisation CHECK (('employer' = ANY(roles)) = (organisation_id IS NOT NULL))`);

    await q.query(`
      CREATE TABLE talent_profile (
        trainee_id uuid PRIMARY KEY,
        listed boolean NOT NULL,
        statement text NOT NULL CHECK (length(statement) <= 1000),
        availability text NOT NULL CHECK (availability IN ('immediately','within_1_month','within_3_months','open_to_offers')),
        preferred_roles text[] NOT NULL CHECK (cardinality(preferred_roles) <= 5),
        track_code text NOT NULL,
        cohort_id uuid NOT NULL,
        skill_codes text[] NOT NULL,
        certified_course_codes text[] NOT NULL,
        listed_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Search walks listed profiles in trainee-id order (keyset) within a track, or by skill through the GIN index.
    await q.query(`CREATE INDEX talent_profile_listed_track_idx ON talent_profile (track_code, trainee_id) WHERE listed`);
    await q.query(`CREATE INDEX talent_profile_listed_idx ON talent_profile (trainee_id) WHERE listed`);
    await q.query(`CREATE INDEX talent_profile_skills_idx ON talent_profile USING gin (skill_codes) WHERE listed`);
    await q.query(`CREATE INDEX talent_profile_cohort_idx ON talent_profile (cohort_id)`);

    await q.query(`
      CREATE TABLE employer_access (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('search','profile_view','shortlist','interview_request','outcome','hire','fair_slots')),
        trainee_id uuid,
        detail jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX employer_access_trainee_idx ON employer_access (trainee_id, at DESC) WHERE trainee_id IS NOT NULL`);
    await q.query(`CREATE INDEX employer_access_organisation_idx ON employer_access (organisation_id, at DESC)`);

    await q.query(`
      CREATE TABLE shortlist_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        role_title text NOT NULL CHECK (length(role_title) BETWEEN 1 AND 120),
        trainee_id uuid NOT NULL,
        added_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX shortlist_entry_once ON shortlist_entry (organisation_id, lower(role_title), trainee_id)`);
    await q.query(`CREATE INDEX shortlist_entry_trainee_idx ON shortlist_entry (trainee_id)`);

    await q.query(`
      CREATE TABLE interview_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        trainee_id uuid NOT NULL,
        role_title text NOT NULL CHECK (length(role_title) BETWEEN 1 AND 120),
        message text NOT NULL CHECK (length(message) <= 2000),
        state text NOT NULL CHECK (state IN ('pending','accepted','declined','ended')),
        stage text CHECK (stage IN ('interviewed','offered','hired','declined')),
        requested_by uuid NOT NULL,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (stage IS NULL OR state = 'accepted')
      )`);
    // One open request per organisation, trainee and role: a second one while the first waits is a conflict, not a duplicate.
    await q.query(`CREATE UNIQUE INDEX interview_request_pending_once ON interview_request (organisation_id, trainee_id, lower(role_title)) WHERE state = 'pending'`);
    await q.query(`CREATE INDEX interview_request_trainee_idx ON interview_request (trainee_id, created_at DESC)`);
    await q.query(`CREATE INDEX interview_request_organisation_idx ON interview_request (organisation_id, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE interview_outcome (
        request_id uuid NOT NULL REFERENCES interview_request(id),
        stage text NOT NULL CHECK (stage IN ('interviewed','offered','hired','declined')),
        note text CHECK (length(note) <= 1000),
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (request_id, stage)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Employer accounts cannot exist without this migration's role: refuse rather than strip people's roles.
    const [{ employers }] = await q.query(`SELECT count(*)::int AS employers FROM app_user WHERE 'employer' = ANY(roles)`);
    if (employers > 0) throw new Error(`TalentPipeline down: ${employers} employer account(s) exist; change their roles first`);
    await q.query(`DROP TABLE interview_outcome, interview_request, shortlist_entry, employer_access, talent_profile`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_employer_organisation, DROP COLUMN organisation_id, DROP CONSTRAINT app_user_roles_check`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check CHECK (roles <@ ARRAY['admin','instructor','trainee','reviewer']::text[] AND cardinality(roles) > 0)`);
  }
}
