import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { TestDatabase } from '@gds/testing';
import { createAppDatabase } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');

/** Tables made by migrations without an entity, with the module that owns them (the one that reads and writes them). */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  assessment_exception: 'src/assessment',
  deadline_reminder: 'src/assessment',
  sandbox_dataset: 'src/assessment',
  sandbox_dataset_use: 'src/assessment',
  placement_follow_up_due: 'src/reporting',
  announcement: 'src/cohort',
  application_score: 'src/cohort',
  cohort_digest_sent: 'src/cohort',
  cohort_track_quota: 'src/cohort',
  cohort_version_move: 'src/cohort',
  prerequisite_waiver: 'src/cohort',
  rubric_criterion: 'src/cohort',
  course_co_instructor: 'src/course',
  course_prerequisite: 'src/course',
  course_version_assessment: 'src/course',
  course_version_lesson: 'src/course',
  module_prerequisite: 'src/course',
  module_skill: 'src/course',
  auth_rate_limit: 'src/identity',
  profile_field_history: 'src/identity',
  user_erasure: 'src/identity',
};

/** The owner of each table with an entity: the module (src/<module>) or library (libs/<lib>) whose `@Entity('…')` maps it. */
function entityOwners(): Record<string, string> {
  const owners: Record<string, string> = {};
  const walk = (dir: string, owner: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, owner);
      else if (entry.name.endsWith('.ts')) for (const [, table] of readFileSync(full, 'utf8').matchAll(/@Entity\('(\w+)'/g)) owners[table] = owner;
    }
  };
  for (const top of ['src', 'libs']) {
    for (const entry of readdirSync(path.join(ROOT, top), { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(ROOT, top, entry.name), `${top}/${entry.name}`);
  }
  return owners;
}

describe('references between modules (README: "Architecture notes")', () => {
  let database: TestDatabase;
  let foreignKeys: Array<{ table: string; references: string; constraint: string }>;

  beforeAll(async () => {
    database = await createAppDatabase();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      foreignKeys = (
        await client.query(
          `SELECT conrelid::regclass::text AS table, confrelid::regclass::text AS references, conname AS constraint
             FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 3`,
        )
      ).rows;
    } finally {
      await client.end();
    }
  });
  afterAll(() => database?.drop());

  it('has no foreign key from one module’s table to another’s, as the README decides', () => {
    const owners = { ...entityOwners(), ...TABLES_WITHOUT_ENTITY };
    const unowned = [...new Set(foreignKeys.flatMap((fk) => [fk.table, fk.references]))].filter((table) => !owners[table]);
    // A table nobody owns cannot be judged: name its module in TABLES_WITHOUT_ENTITY (or give it an entity).
    expect(unowned).toEqual([]);
    const crossing = foreignKeys.filter((fk) => owners[fk.table] !== owners[fk.references]).map((fk) => `${fk.table} (${owners[fk.table]}) → ${fk.references} (${owners[fk.references]}): ${fk.constraint}`);
    expect(crossing).toEqual([]);
    // Within a module, references stay constrained: the schema still guards each module's own rows.
    expect(foreignKeys.length).toBeGreaterThan(20);
    expect(foreignKeys).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'enrollment', references: 'cohort' }), expect.objectContaining({ table: 'grade', references: 'submission' })]));
  });

  it('is the rule the README states', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('No foreign key crosses a module boundary');
  });
});
