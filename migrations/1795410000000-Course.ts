import { MigrationInterface, QueryRunner } from 'typeorm';
import { STARTER_SKILLS, TRACKS } from './data/course-starter-skills';

/**
 * Tracks, the skills framework, draft courses (modules, lessons, prerequisites) and immutable
 * published versions. A version is written once at publish and never updated: triggers refuse it.
 */
export class Course1795410000000 implements MigrationInterface {
  name = 'Course1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE track (
        code text PRIMARY KEY CHECK (code IN ('cybersecurity','data-analysis','ui-ux-design','cloud-engineering')),
        name text NOT NULL,
        description text NOT NULL,
        position int NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        track_code text NOT NULL REFERENCES track(code),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        description text NOT NULL CHECK (length(description) <= 2000),
        framework_ref text CHECK (length(framework_ref) <= 120),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT skill_code_key UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX skill_track_idx ON skill (track_code, code)`);
    await q.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) <= 4000),
        track_code text NOT NULL REFERENCES track(code),
        level text NOT NULL CHECK (level IN ('beginner','intermediate','advanced')),
        estimated_hours int NOT NULL CHECK (estimated_hours BETWEEN 1 AND 2000),
        owner_id uuid NOT NULL REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        latest_version int NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
        search tsvector NOT NULL DEFAULT ''::tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_code_key UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX course_search_idx ON course USING gin (search)`);
    await q.query(`CREATE INDEX course_catalogue_idx ON course (track_code, level, lower(title), id)`);
    await q.query(`CREATE INDEX course_title_idx ON course (lower(title), id)`);
    await q.query(`CREATE INDEX course_owner_idx ON course (owner_id)`);
    await q.query(`
      CREATE TABLE course_co_instructor (
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (course_id, user_id)
      )`);
    await q.query(`CREATE INDEX course_co_instructor_user_idx ON course_co_instructor (user_id)`);
    await q.query(`
      CREATE TABLE course_prerequisite (
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        prerequisite_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        PRIMARY KEY (course_id, prerequisite_id),
        CHECK (course_id <> prerequisite_id)
      )`);
    await q.query(`
      CREATE TABLE course_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_module_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      CREATE TABLE module_skill (
        module_id uuid NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
        skill_id uuid NOT NULL REFERENCES skill(id),
        PRIMARY KEY (module_id, skill_id)
      )`);
    await q.query(`CREATE INDEX module_skill_skill_idx ON module_skill (skill_id)`);
    await q.query(`
      CREATE TABLE module_prerequisite (
        module_id uuid NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
        prerequisite_id uuid NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
        PRIMARY KEY (module_id, prerequisite_id),
        CHECK (module_id <> prerequisite_id)
      )`);
    await q.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 1),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('article','video','lab','external')),
        body text CHECK (length(body) <= 200000),
        video_url text CHECK (video_url ~* '^https?://' AND length(video_url) <= 2000),
        duration_seconds int CHECK (duration_seconds BETWEEN 1 AND 86400),
        environment_notes text CHECK (length(environment_notes) <= 20000),
        external_url text CHECK (external_url ~* '^https?://' AND length(external_url) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lesson_position_key UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT lesson_kind_fields CHECK (
          (kind = 'article' AND body IS NOT NULL AND video_url IS NULL AND external_url IS NULL) OR
          (kind = 'video' AND video_url IS NOT NULL AND duration_seconds IS NOT NULL AND external_url IS NULL) OR
          (kind = 'lab' AND body IS NOT NULL AND video_url IS NULL AND external_url IS NULL) OR
          (kind = 'external' AND external_url IS NOT NULL AND video_url IS NULL))
      )`);
    await q.query(`
      CREATE TABLE course_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id),
        version int NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        summary text NOT NULL,
        level text NOT NULL,
        estimated_hours int NOT NULL,
        change_note text NOT NULL DEFAULT '',
        published_by uuid NOT NULL REFERENCES app_user(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        outline jsonb NOT NULL,
        CONSTRAINT course_version_number_key UNIQUE (course_id, version)
      )`);
    await q.query(`
      CREATE TABLE course_version_lesson (
        version_id uuid NOT NULL REFERENCES course_version(id),
        lesson_id uuid NOT NULL,
        module_id uuid NOT NULL,
        content jsonb NOT NULL,
        PRIMARY KEY (version_id, lesson_id)
      )`);
    await q.query(`
      CREATE TABLE course_version_assessment (
        version_id uuid NOT NULL REFERENCES course_version(id),
        assessment_id uuid NOT NULL,
        module_id uuid NOT NULL,
        frozen jsonb NOT NULL,
        PRIMARY KEY (version_id, assessment_id)
      )`);
    await q.query(`
      CREATE FUNCTION refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published course versions are immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    for (const table of ['course_version', 'course_version_lesson', 'course_version_assessment']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_version_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_version_change()`);
    }
    await this.searchTriggers(q);
    await this.seed(q);
  }

  /** The catalogue's full-text document: course title (A), summary (B) and its lesson titles (C). */
  private async searchTriggers(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION course_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search :=
          setweight(to_tsvector('english', NEW.title), 'A') ||
          setweight(to_tsvector('english', NEW.summary), 'B') ||
          setweight(to_tsvector('english', coalesce((
            SELECT string_agg(l.title, ' ') FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.course_id = NEW.id), '')), 'C');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER course_search BEFORE INSERT OR UPDATE ON course FOR EACH ROW EXECUTE FUNCTION course_search_document()`);
    await q.query(`
      CREATE FUNCTION lesson_touch_course() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE course SET updated_at = now()
         WHERE id IN (SELECT course_id FROM course_module WHERE id IN (
           SELECT module_id FROM new_rows UNION SELECT module_id FROM old_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION lesson_touch_course_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE course SET updated_at = now() WHERE id IN (SELECT course_id FROM course_module WHERE id IN (SELECT module_id FROM new_rows));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION lesson_touch_course_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE course SET updated_at = now() WHERE id IN (SELECT course_id FROM course_module WHERE id IN (SELECT module_id FROM old_rows));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER lesson_search_insert AFTER INSERT ON lesson REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION lesson_touch_course_insert()`);
    await q.query(`CREATE TRIGGER lesson_search_update AFTER UPDATE ON lesson REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION lesson_touch_course()`);
    await q.query(`CREATE TRIGGER lesson_search_delete AFTER DELETE ON lesson REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION lesson_touch_course_delete()`);
  }

  private async seed(q: QueryRunner): Promise<void> {
    for (const [index, track] of TRACKS.entries()) {
      await q.query(`INSERT INTO track (code, name, description, position) VALUES ($1, $2, $3, $4)`, [track.code, track.name, track.description, index + 1]);
    }
    for (const skill of STARTER_SKILLS) {
      await q.query(`INSERT INTO skill (track_code, code, name, description, framework_ref) VALUES ($1, $2, $3, $4, $5)`, [
        skill.trackCode,
        skill.code,
        skill.name,
        skill.description,
        skill.frameworkRef,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE course_version_assessment, course_version_lesson, course_version, lesson, module_prerequisite, module_skill,
      course_module, course_prerequisite, course_co_instructor, course, skill, track`);
    await q.query(`DROP FUNCTION refuse_version_change, course_search_document, lesson_touch_course, lesson_touch_course_insert, lesson_touch_course_delete`);
  }
}
