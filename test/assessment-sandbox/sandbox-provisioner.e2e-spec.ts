import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@gds/testing';
import { loadConfig } from '../../src/config/load-config';
import { handleFor, SANDBOX_OWNER_ROLE, SandboxDataset } from '../../src/assessment/sandbox/sandbox-names';
import { SandboxPools } from '../../src/assessment/sandbox/sandbox-pools.service';
import { SandboxProvisioner } from '../../src/assessment/sandbox/sandbox-provisioner.service';
import { SandboxRunner } from '../../src/assessment/sandbox/sandbox-runner.service';

/**
 * Several processes (here: several provisioners with their own pools) on two sandbox databases
 * provision the same datasets at once; each reader role may read its own schema and nothing else.
 */
const NAMES = [1, 2].map(() => `gds_sandbox_test_${randomBytes(5).toString('hex')}`);
const stacks = NAMES.flatMap((name) =>
  [1, 2].map(() => {
    const config = loadConfig({ NODE_ENV: 'test', SANDBOX_DATABASE_URL: databaseUrl(name) });
    const pools = new SandboxPools(config);
    return { name, pools, provisioner: new SandboxProvisioner(config, pools) };
  }),
);
const run = randomBytes(4).toString('hex');
const first: SandboxDataset = { tables: [{ name: 'a', columns: [{ name: 'v', type: 'text' }], rows: [[`first ${run}`]] }] };
const second: SandboxDataset = { sql: `CREATE TABLE b (v text); INSERT INTO b VALUES ('second ${run}');` };
const broken: SandboxDataset = { sql: `CREATE TABLE c (v text); INSERT INTO c VALUES ('${run}'); SELECT no_such_function();` };

async function onSandbox<T>(name: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await Promise.all(stacks.map((s) => s.pools.onModuleDestroy()));
  await onSandbox('postgres', async (admin) => {
    for (const name of NAMES) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    // The datasets of this run are unique to it: leave no roles behind in the cluster.
    for (const dataset of [first, second, broken]) await admin.query(`DROP ROLE IF EXISTS "${handleFor(dataset).readerRole}"`);
  });
});

describe('SandboxProvisioner', () => {
  it('provisions the same datasets concurrently from several processes and databases, once per database', async () => {
    const handles = await Promise.all(stacks.flatMap((s) => [s.provisioner.provision(first), s.provisioner.provision(second)]));
    expect(new Set(handles.map((h) => h.schema))).toEqual(new Set([handleFor(first).schema, handleFor(second).schema]));
    for (const name of NAMES) {
      const rows = await onSandbox(name, (c) => c.query(`SELECT v FROM "${handleFor(first).schema}".a UNION ALL SELECT v FROM "${handleFor(second).schema}".b`));
      expect(rows.rows.map((r) => r.v).sort()).toEqual([`first ${run}`, `second ${run}`]);
    }
  });

  it("gives each reader its own schema's tables and nothing else", async () => {
    const reader = handleFor(first).readerRole;
    const privileges = await onSandbox(NAMES[0], async (c) =>
      (
        await c.query(
          `SELECT has_schema_privilege($1, $2, 'USAGE') AS own_schema,
                  has_table_privilege($1, $3, 'SELECT') AS own_table,
                  has_table_privilege($1, $3, 'INSERT,UPDATE,DELETE,TRUNCATE') AS write_own_table,
                  has_schema_privilege($1, $4, 'USAGE') AS other_schema,
                  has_schema_privilege($1, 'public', 'USAGE,CREATE') AS public_schema,
                  has_schema_privilege($1, $2, 'CREATE') AS create_in_own,
                  has_database_privilege($1, current_database(), 'CREATE,TEMP') AS create_in_database,
                  (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolinherit FROM pg_roles WHERE rolname = $1) AS powers,
                  (SELECT count(*)::int FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = $1) AS memberships,
                  (SELECT rolsuper FROM pg_roles WHERE rolname = $5) AS owner_is_superuser`,
          [reader, handleFor(first).schema, `"${handleFor(first).schema}".a`, handleFor(second).schema, SANDBOX_OWNER_ROLE],
        )
      ).rows[0],
    );
    expect(privileges).toEqual({
      own_schema: true,
      own_table: true,
      write_own_table: false,
      other_schema: false,
      public_schema: false,
      create_in_own: false,
      create_in_database: false,
      powers: false,
      memberships: 0,
      owner_is_superuser: false,
    });
  });

  it('runs a query as the reader in the sandbox database, read-only', async () => {
    const handle = handleFor(first);
    const result = await new SandboxRunner().run(
      stacks[0].pools.reader(handle.readerRole),
      handle.schema,
      "SELECT current_user, current_database(), current_setting('transaction_read_only'), v FROM a",
      { statementTimeoutMs: 1000, rowCap: 10 },
    );
    expect(result.rows).toEqual([[handle.readerRole, NAMES[0], 'on', `first ${run}`]]);
  });

  it('reports a broken dataset as a dataset error and provisions nothing', async () => {
    await expect(stacks[0].provisioner.provision(broken)).rejects.toThrow(/dataset could not be loaded/);
    const exists = await onSandbox(NAMES[0], (c) => c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [handleFor(broken).schema]));
    expect(exists.rowCount).toBe(0);
  });
});
