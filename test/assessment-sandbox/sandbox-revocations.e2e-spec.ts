import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@gds/testing';
import { loadConfig } from '../../src/config/load-config';
import { handleFor, SandboxDataset } from '../../src/assessment/sandbox/sandbox-names';
import { SandboxPools } from '../../src/assessment/sandbox/sandbox-pools.service';
import { SandboxProvisioner } from '../../src/assessment/sandbox/sandbox-provisioner.service';
import { SandboxQueryError, SandboxRunner } from '../../src/assessment/sandbox/sandbox-runner.service';
import { OWNER_KEEPS, REVOKED_FUNCTION_GROUPS, REVOKED_FUNCTIONS_QUERY, revokedFunctionParameters } from '../../src/assessment/sandbox/sandbox-revocations';

/**
 * Each revoked function, one by one, called by a reader in a sandbox database of this file's own;
 * the catalogs that hold other exercises' definitions; and answers that leave nothing behind on
 * the connection (each answer gets a new one).
 */
const SANDBOX = `gds_sandbox_test_${randomBytes(5).toString('hex')}`;
const config = loadConfig({ NODE_ENV: 'test', SANDBOX_DATABASE_URL: databaseUrl(SANDBOX) });
const pools = new SandboxPools(config);
const provisioner = new SandboxProvisioner(config, pools);
const runner = new SandboxRunner();
const run = randomBytes(4).toString('hex');
const mine: SandboxDataset = { tables: [{ name: 'mine', columns: [{ name: 'v', type: 'text' }], rows: [[run]] }] };
const other: SandboxDataset = {
  sql: `CREATE TABLE answers (v text DEFAULT 'default-secret-${run}' CHECK (v <> 'check-secret-${run}'));
        CREATE VIEW solution AS SELECT v FROM answers WHERE v = 'view-secret-${run}';
        CREATE FUNCTION solve() RETURNS text LANGUAGE sql AS $$ SELECT 'function-secret-${run}' $$;
        COMMENT ON TABLE answers IS 'comment-secret-${run}';`,
};
const limits = { statementTimeoutMs: 2000, rowCap: 100 };

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(SANDBOX) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const asReader = (query: string) => runner.run(pools.reader(handleFor(mine).readerRole), handleFor(mine).schema, query, limits);

async function refusal(query: string): Promise<string> {
  try {
    await asReader(query);
  } catch (error) {
    if (error instanceof SandboxQueryError) return `${error.code} ${error.message}`;
    throw error;
  }
  return 'answered';
}

let revoked: Array<{ signature: string; call: string }> = [];

beforeAll(async () => {
  await provisioner.provision(mine);
  await provisioner.provision(other);
  revoked = await asAdmin(async (client) => {
    const signatures = (await client.query<{ signature: string }>(REVOKED_FUNCTIONS_QUERY, revokedFunctionParameters())).rows.map((r) => r.signature);
    const calls = await client.query<{ signature: string; call: string }>(
      `SELECT p.oid::regprocedure::text AS signature,
              CASE WHEN p.pronargs = 0 THEN format('SELECT %I.%I()', n.nspname, p.proname)
                   -- Arguments from a subquery the planner keeps (OFFSET 0): a strict function of constant
                   -- NULLs would be folded away at plan time, before any privilege is checked.
                   ELSE format('SELECT %I.%I(%s) FROM (SELECT %s OFFSET 0) AS args(%s)', n.nspname, p.proname,
                     (SELECT string_agg(format('a%s', i), ', ' ORDER BY i) FROM generate_series(1, p.pronargs) i),
                     (SELECT string_agg(format('NULL::%s', format_type(t, NULL)), ', ' ORDER BY i) FROM unnest(p.proargtypes) WITH ORDINALITY AS a(t, i)),
                     (SELECT string_agg(format('a%s', i), ', ' ORDER BY i) FROM generate_series(1, p.pronargs) i))
              END AS call
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.oid::regprocedure::text = ANY($1)`,
      [signatures],
    );
    return calls.rows;
  });
});

afterAll(async () => {
  await pools.onModuleDestroy();
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${SANDBOX}" WITH (FORCE)`);
  for (const dataset of [mine, other]) await admin.query(`DROP ROLE IF EXISTS "${handleFor(dataset).readerRole}"`);
  await admin.end();
});

describe('sandbox revocations', () => {
  it('finds every group of the reviewed list in this Postgres', () => {
    const names = revoked.map((r) => r.signature);
    for (const group of REVOKED_FUNCTION_GROUPS) expect({ group: group.reason, present: names.some((n) => group.pattern.test(n.split('(')[0])) }).toEqual({ group: group.reason, present: true });
    for (const name of ['pg_advisory_lock(bigint)', 'pg_logical_emit_message(boolean,text,text)', 'pg_notify(text,text)', 'set_config(text,text,boolean)', 'pg_stat_get_backend_activity(integer)', 'pg_get_viewdef(oid)', 'lo_from_bytea(oid,bytea)']) {
      expect(names).toContain(name);
    }
  });

  it('refuses every revoked function to a reader, one by one', async () => {
    expect(revoked.length).toBeGreaterThan(80);
    const answered: string[] = [];
    for (const { signature, call } of revoked) {
      const outcome = await refusal(call);
      if (!/^42501 permission denied for function/.test(outcome)) answered.push(`${signature}: ${outcome}`);
    }
    expect(answered).toEqual([]);
  });

  it('keeps for the owner only what the provisioner and instructors’ scripts need', async () => {
    const kept = await asAdmin(async (client) =>
      (await client.query(`SELECT f, has_function_privilege('gds_sandbox_owner', f, 'EXECUTE') AS owner, has_function_privilege($1, f, 'EXECUTE') AS reader FROM unnest($2::text[]) f`, [handleFor(mine).readerRole, OWNER_KEEPS])).rows,
    );
    expect(kept.map((k) => [k.owner, k.reader])).toEqual(OWNER_KEEPS.map(() => [true, false]));
  });

  it.each([
    ['a view definition by function', `SELECT pg_get_viewdef('${handleFor(other).schema}.solution'::regclass)`],
    ['a function body in pg_proc', "SELECT prosrc FROM pg_proc WHERE proname = 'solve'"],
    ['a view rule in pg_rewrite', 'SELECT ev_action FROM pg_rewrite'],
    ['the pg_views view', 'SELECT definition FROM pg_views'],
    ['column defaults', 'SELECT adbin FROM pg_attrdef'],
    ['check constraints', 'SELECT conbin FROM pg_constraint'],
    ['comments', 'SELECT description FROM pg_description'],
    ['other schemas and tables', 'SELECT relname FROM pg_class'],
    ['other sessions', 'SELECT query FROM pg_stat_activity'],
    ['other sessions by function', 'SELECT pg_stat_get_backend_activity(s) FROM pg_stat_get_backend_idset() s'],
  ])("shows no other exercise's definitions: %s", async (_name, query) => {
    expect(await refusal(query)).toMatch(/^42501 permission denied/);
  });

  it('shows nothing of another exercise through information_schema, which still describes its own tables', async () => {
    const rows = await asReader("SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns WHERE table_schema LIKE 'ds_%'");
    expect(rows.rows).toEqual([[`${handleFor(mine).schema}.mine.v`]]);
    // Their definition columns call revoked functions: refused rather than shown.
    expect(await refusal('SELECT view_definition FROM information_schema.views')).toMatch(/^42501 permission denied for function pg_get_viewdef/);
    const routines = await asReader('SELECT routine_name FROM information_schema.routines');
    expect(JSON.stringify(routines.rows)).not.toContain('solve');
  });

  it('gives each answer a new connection: no seed, lock or setting passes to the next answer', async () => {
    const first = await asReader('SELECT pg_backend_pid()::text, setseed(0.25)::text');
    const second = await asReader('SELECT pg_backend_pid()::text, random()::text');
    const seeded = await asAdmin(async (client) => {
      await client.query('SELECT setseed(0.25)');
      return (await client.query('SELECT random()::text AS r')).rows[0].r;
    });
    expect(second.rows[0][0]).not.toBe(first.rows[0][0]);
    expect(second.rows[0][1]).not.toBe(seeded);
    expect(await refusal('SELECT pg_advisory_lock(842618760)')).toMatch(/^42501/);
    const held = await asAdmin(async (client) => (await client.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 842618760")).rows[0].n);
    expect(held).toBe(0);
  });
});
