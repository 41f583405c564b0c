import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../libs/database/src/data-source-options';
import { MIGRATIONS } from '../migrations';
import { createBenchDatabase } from './harness/bench-database';

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

async function seed(db: Awaited<ReturnType<typeof createBenchDatabase>>): Promise<Case[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ url: db.url, poolSize: 2, entities: [], migrations: MIGRATIONS }), logging: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  const users = await db.query<{ id: string }>(
    `INSERT INTO app_user (email, display_name, roles) SELECT 'u' || i || '@example.org', 'User ' || i, ARRAY['trainee'] FROM generate_series(1, 2000) i RETURNING id`,
  );
  const ids = users.map((u) => u.id);
  let next = 0;
  const user = () => ids[next++ % ids.length];
  return [
    {
      name: 'access guard: user, roles, session',
      text: `SELECT roles, active,
              EXISTS (SELECT 1 FROM refresh_token WHERE $2::uuid IS NOT NULL AND family_id = $2::uuid AND revoked_at IS NOT NULL) AS ended
         FROM app_user WHERE id = $1`,
      values: () => [user(), user()],
    },
    {
      name: 'lesson lookup (3 joins, an EXISTS)',
      text: `SELECT c.latest_version, v.id AS version_id, l.module_id, l.content,
         (c.owner_id = $4::uuid OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = $4::uuid)) AS editor
    FROM course c
    LEFT JOIN course_version v ON v.course_id = c.id AND v.version = $2
    LEFT JOIN course_version_lesson l ON l.version_id = v.id AND l.lesson_id = $3
   WHERE c.id = $1`,
      values: () => [user(), 1, user(), user()],
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
