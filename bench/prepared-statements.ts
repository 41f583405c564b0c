import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../libs/database/src/data-source-options';
import { MIGRATIONS } from '../migrations';
import { createBenchDatabase } from './harness/bench-database';
import { CURRENT_PRINCIPAL, LESSON_READ } from './baseline/baseline-statements';

/**
 * Postgres's CPU per statement for the api's hot fixed-text queries, sent unnamed (node-postgres's
 * default: Parse, Bind, Describe, Execute, Sync every time, so the server parses and plans each
 * one) against named (`{ name, text, values }`: parsed once per connection, then Bind and Execute
 * only, and the plan cache may keep a generic plan). Issue 23's load run: about a core went to
 * Postgres, Redis and the kernel. Measured as the backends' utime + stime (/proc/<pid>/stat),
 * which hardly depends on what else runs on the machine, and this process's CPU for the client side.
 *
 *   npm run build:server && node dist/bench/prepared-statements.js
 *
 * Writes no results file.
 */
const PER_CLIENT = Number(process.env.PREP_QUERIES ?? 4000);
const CLIENTS = Number(process.env.PREP_CLIENTS ?? 4);
const ROUNDS = Number(process.env.PREP_ROUNDS ?? 3);

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

interface Case {
  name: string;
  text: string;
  values: () => unknown[];
}

/** Published courses, each with one version of LESSONS_PER_VERSION lessons (2 KB Markdown bodies, as the bench's lab lesson). */
const COURSES = 20;
const LESSONS_PER_VERSION = 10;

async function seed(db: Awaited<ReturnType<typeof createBenchDatabase>>): Promise<Case[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ url: db.url, poolSize: 2, entities: [], migrations: MIGRATIONS }), logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const users = await db.query<{ id: string }>(
    `INSERT INTO app_user (email, display_name, roles) SELECT 'u' || i || '@example.org', 'User ' || i, ARRAY['trainee'] FROM generate_series(1, 2000) i RETURNING id`,
  );
  const ids = users.map((u) => u.id);
  // Real rows for the lesson lookup to find (course, version 1, lesson), owned by the first user so the
  // others take the EXISTS over co-instructors, as a trainee's read does.
  await db.query(
    `WITH c AS (INSERT INTO course (code, title, summary, track_code, level, estimated_hours, owner_id, status, latest_version)
                SELECT 'prep-' || n, 'Course ' || n, 'A course of the prepared-statements bench', 'cybersecurity', 'beginner', 10, $1, 'published', 1
                  FROM generate_series(1, $2::int) n RETURNING id),
          v AS (INSERT INTO course_version (course_id, version, title, summary, level, estimated_hours, published_by, outline)
                SELECT id, 1, 'Course', 'A course', 'beginner', 10, $1, '{}'::jsonb FROM c RETURNING id)
     INSERT INTO course_version_lesson (version_id, lesson_id, module_id, content)
     SELECT v.id, gen_random_uuid(), gen_random_uuid(), jsonb_build_object('title', 'Lesson ' || i, 'body', repeat('Some **Markdown** text. ', 85), 'environmentNotes', NULL)
       FROM v, generate_series(1, $3::int) i`,
    [ids[0], COURSES, LESSONS_PER_VERSION],
  );
  await db.query('ANALYZE');
  const lessons = await db.query<{ courseId: string; lessonId: string }>(
    `SELECT v.course_id AS "courseId", l.lesson_id AS "lessonId" FROM course_version_lesson l JOIN course_version v ON v.id = l.version_id`,
  );
  let next = 0;
  const user = () => ids[1 + (next++ % (ids.length - 1))];
  let nextLesson = 0;
  const lesson = () => lessons[nextLesson++ % lessons.length];
  return [
    // The app's texts (the bare baseline's copies, kept equal to the app's by test/bench-baseline-statements.spec.ts).
    { name: 'access guard: user, roles, session', text: CURRENT_PRINCIPAL.text, values: () => [user(), user()] },
    {
      name: `lesson read (3 joins, two EXISTS, no enrollments; real rows: ${lessons.length} lessons of ${COURSES} courses)`,
      text: LESSON_READ.text,
      values: () => {
        const { courseId, lessonId } = lesson();
        return [courseId, 1, lessonId, user()];
      },
    },
  ];
}

async function measure(clients: Array<{ client: Client; pid: number }>, c: Case, named: boolean): Promise<{ serverUs: number; clientUs: number }> {
  const before = clients.map((x) => cpuTicks(x.pid));
  const cpu = process.cpuUsage();
  await Promise.all(
    clients.map(async ({ client }) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        await (named ? client.query({ name: `bench:${c.name}`, text: c.text, values: c.values() }) : client.query(c.text, c.values()));
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const server = clients.reduce((sum, x, i) => sum + cpuTicks(x.pid) - before[i], 0);
  const n = PER_CLIENT * CLIENTS;
  return { serverUs: (server * 1e4) / n, clientUs: (used.user + used.system) / n };
}

async function main(): Promise<void> {
  const db = await createBenchDatabase('gds_prep');
  const clients: Array<{ client: Client; pid: number }> = [];
  try {
    const cases = await seed(db);
    const [{ server_version: version }] = await db.query<{ server_version: string }>('SHOW server_version');
    // The figures are CPU time, which load bends less than wall-clock time, but not nothing (caches, frequency): say what it was.
    console.log(`Postgres ${version}; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the start`);
    for (let i = 0; i < CLIENTS; i++) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      clients.push({ client, pid });
    }
    for (const c of cases) {
      const figures = { unnamed: [] as Array<{ serverUs: number; clientUs: number }>, named: [] as Array<{ serverUs: number; clientUs: number }> };
      await measure(clients, c, true); // the named statement parsed on each connection before the clock
      for (let round = 0; round < ROUNDS; round++) {
        figures.unnamed.push(await measure(clients, c, false));
        figures.named.push(await measure(clients, c, true));
      }
      console.log(`load average ${os.loadavg()[0].toFixed(1)} after ${c.name}`);
      for (const [mode, list] of Object.entries(figures)) {
        console.log(`${c.name}, ${mode}: Postgres ${list.map((f) => f.serverUs.toFixed(1)).join(' / ')} µs per statement; client ${list.map((f) => f.clientUs.toFixed(1)).join(' / ')} µs`);
      }
    }
  } finally {
    await Promise.all(clients.map((x) => x.client.end()));
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
