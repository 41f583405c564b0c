import { DataSource } from 'typeorm';
import { driverPool, namedStatement } from '@gds/database';
import { TestDatabase } from '@gds/testing';
import { createAppDatabase } from './support/test-app';
import { oneConnectionDataSource } from './support/one-connection-data-source';

/**
 * Named statements on the pool (libs/database/src/named-statement.ts, issue 23's Postgres CPU): the
 * same rows as the text sent unnamed, and really prepared on the connection (parsed once), with
 * types and errors as before.
 */
const USER_BY_EMAIL = namedStatement('test:user-by-email', `SELECT id, email, roles, active, created_at AS "createdAt" FROM app_user WHERE email = $1`);

describe('named statements on the pool', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createAppDatabase();
    // One pooled connection: what the statement prepared on it is visible to the next query.
    dataSource = await oneConnectionDataSource(database.url);
    await dataSource.query(`INSERT INTO app_user (email, display_name, roles) VALUES ('a@example.org', 'A', ARRAY['trainee']), ('b@example.org', 'B', ARRAY['admin','instructor'])`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('answers the same rows, with the same types, as the text sent unnamed', async () => {
    const pool = driverPool(dataSource);
    for (const email of ['a@example.org', 'b@example.org', 'nobody@example.org']) {
      const named = await pool.query<Record<string, unknown>>(USER_BY_EMAIL, [email]);
      const unnamed = await pool.query<Record<string, unknown>>(USER_BY_EMAIL.text, [email]);
      expect(named).toEqual(unnamed);
    }
    const [b] = await pool.query<{ roles: string[]; createdAt: Date }>(USER_BY_EMAIL, ['b@example.org']);
    expect(b.roles).toEqual(['admin', 'instructor']);
    expect(b.createdAt).toBeInstanceOf(Date);
  });

  it('is prepared on the connection once, by its name, and not re-prepared on later calls', async () => {
    const pool = driverPool(dataSource);
    for (let i = 0; i < 3; i++) await pool.query(USER_BY_EMAIL, ['a@example.org']);
    const prepared = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
      `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1`,
      [USER_BY_EMAIL.name],
    );
    expect(prepared).toHaveLength(1);
    // Executions counted on the one prepared statement: these three at least (more when the test
    // above ran first, on the same connection); a re-prepare per call would show one.
    expect(Number(prepared[0].generic_plans) + Number(prepared[0].custom_plans)).toBeGreaterThanOrEqual(3);
  });

  it('raises pg errors as before (a bad parameter), and the statement still works after', async () => {
    const pool = driverPool(dataSource);
    const byId = namedStatement('test:user-by-id', 'SELECT email FROM app_user WHERE id = $1');
    await expect(pool.query(byId, ['not-a-uuid'])).rejects.toMatchObject({ code: '22P02' });
    await expect(pool.query(byId, ['00000000-0000-0000-0000-000000000000'])).resolves.toEqual([]);
  });
});

describe('namedStatement', () => {
  it('refuses one name with two texts (node-postgres would refuse it per connection at run time)', () => {
    namedStatement('test:twice', 'SELECT 1');
    expect(namedStatement('test:twice', 'SELECT 1').text).toBe('SELECT 1');
    expect(() => namedStatement('test:twice', 'SELECT 2')).toThrow(/declared twice/);
  });

  it('caps how many names there are (a text built per call would otherwise grow every connection)', () => {
    expect(() => {
      for (let i = 0; i < 200; i++) namedStatement(`test:many-${i}`, `SELECT ${i}`);
    }).toThrow(/More than 128 named statements/);
  });
});
