import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';

/** The shared server's maintenance database; a fault test passes the URL of its own server instead. */
export const DEFAULT_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string, adminUrl = DEFAULT_ADMIN_URL): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated template database per migration set, made once (under an advisory lock, since jest
 * workers start together) and cloned per test file: cloning takes ~100 ms, migrating takes seconds.
 */
async function ensureTemplate(options: Omit<DataSourceOptions, 'url'>, adminUrl: string): Promise<string> {
  // Keyed by the migrations' names and code, so editing a migration during development makes a new template.
  const migrations = (options.migrations as Array<{ name: string; prototype?: { up?: () => unknown } }>)
    .map((m) => `${m.name}:${m.prototype?.up?.toString() ?? ''}`)
    .join(',');
  const name = `gds_test_template_${createHash('sha256').update(migrations).digest('hex').slice(0, 12)}`;
  await withAdmin(adminUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock(hashtext('gds:test-template'))");
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${building}"`);
      const dataSource = new DataSource({ ...options, url: databaseUrl(building, adminUrl) } as DataSourceOptions);
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.destroy();
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('gds:test-template'))");
    }
  });
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of this test file's own. Refuses names that do not say test.
 * `adminUrl` names another server's maintenance database (fault tests run their own Postgres).
 */
export async function createTestDatabase(options: Omit<DataSourceOptions, 'url'>, adminUrl = DEFAULT_ADMIN_URL): Promise<TestDatabase> {
  const template = await ensureTemplate(options, adminUrl);
  const name = `gds_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, async (client) => {
    // Cloning needs the template free of other sessions; retry briefly when a sibling is cloning too.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // Commits on the shared server answer without waiting for the WAL flush: ~9 ms a commit on this
    // machine's disk against ~1.5 ms, and a test file commits hundreds of times. Other sessions see a
    // commit exactly as before; only a crash of the server could lose the last ones, and no test
    // crashes the shared server. Fault tests that crash their own server keep durable commits.
    if (adminUrl === DEFAULT_ADMIN_URL) await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  });
  return {
    name,
    url: databaseUrl(name, adminUrl),
    drop: async () => {
      if (!name.startsWith('gds_test_')) throw new Error(`Refusing to drop ${name}: not a test database`);
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
