import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@gds/testing';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { handleFor, SANDBOX_OWNER_ROLE } from '../../src/assessment/sandbox/sandbox-names';
import { SandboxPools } from '../../src/assessment/sandbox/sandbox-pools.service';
import { SandboxProvisioner } from '../../src/assessment/sandbox/sandbox-provisioner.service';
import { SandboxRunner } from '../../src/assessment/sandbox/sandbox-runner.service';
import { GradeOutcome } from '../../src/assessment/graders/grader';
import { SqlKey } from '../../src/assessment/graders/sql-key';
import { SqlGrader } from '../../src/assessment/graders/sql.grader';

/**
 * Against a real sandbox database of this file's own (created by the grader itself, dropped after):
 * the grader, the sandbox roles and every attack the issue lists.
 */
const SANDBOX = `gds_sandbox_test_${randomBytes(5).toString('hex')}`;
let config: AppConfig;
let pools: SandboxPools;
let grader: SqlGrader;

const employees = {
  name: 'employees',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'name', type: 'text' },
    { name: 'dept', type: 'text' },
    { name: 'salary', type: 'numeric(10,2)' },
  ],
  rows: [
    [1, 'Ada', 'eng', 5200],
    [2, 'Grace', 'eng', 6100.5],
    [3, 'Linus', 'ops', 4300],
    [4, 'Margaret', 'ops', 4800.25],
    [5, 'Alan', 'research', 3900],
  ],
};

const OTHER_EXERCISE = { sql: "CREATE TABLE secrets (v text); INSERT INTO secrets VALUES ('other exercise');" };
const REFERENCE = 'SELECT dept, count(*) AS people FROM employees GROUP BY dept';
const keyOf = (overrides: Partial<SqlKey> = {}): SqlKey =>
  grader.validateKey({
    dataset: { tables: [employees] },
    referenceQuery: REFERENCE,
    options: { statementTimeoutMs: 1000, rowCap: 100 },
    ...overrides,
  });

async function grade(query: string, key = keyOf()): Promise<GradeOutcome> {
  return grader.grade({
    key,
    answer: grader.validateAnswer({ query }, key),
    traineeId: 't',
    assessmentId: 'a',
    versionId: 'v',
    submissionId: 's',
    maxScore: 10,
  });
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl(SANDBOX) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  config = loadConfig({ NODE_ENV: 'test', SANDBOX_DATABASE_URL: databaseUrl(SANDBOX), SANDBOX_STATEMENT_TIMEOUT_MS: '3000' });
  pools = new SandboxPools(config);
  grader = new SqlGrader(config, new SandboxProvisioner(config, pools), new SandboxRunner(), pools);
  await grader.verifyKey(keyOf());
  // App-like data that no trainee query may reach: a table in `public`, another exercise's schema.
  await asAdmin(async (client) => {
    await client.query('CREATE TABLE public.app_user (email text)');
    await client.query("INSERT INTO public.app_user VALUES ('secret@gds.test')");
  });
  await grader.verifyKey(keyOf({ dataset: OTHER_EXERCISE, referenceQuery: 'SELECT v FROM secrets' }));
});

afterAll(async () => {
  await pools?.onModuleDestroy();
  const admin = new Client({ connectionString: databaseUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${SANDBOX}" WITH (FORCE)`);
  await admin.end();
});

describe('SqlGrader grading', () => {
  it('gives full marks for a correct answer, whatever its column names', async () => {
    const outcome = await grade('select dept, count(id) as n from employees group by dept;');
    expect(outcome).toMatchObject({ score: 10, maxScore: 10, feedback: { status: 'correct', rowCount: 3 } });
  });

  it('ignores row order when the reference does not sort', async () => {
    const outcome = await grade('SELECT dept, count(*) FROM employees GROUP BY dept ORDER BY dept DESC');
    expect(outcome.score).toBe(10);
    expect(outcome.feedback.orderMatters).toBe(false);
  });

  it('requires the order when the reference sorts, and shows the first differing rows when the key reveals expected values', async () => {
    const key = keyOf({ referenceQuery: 'SELECT name FROM employees ORDER BY salary DESC', options: { tolerance: 0, statementTimeoutMs: 1000, rowCap: 100, revealExpected: 'always' } });
    const outcome = await grade('SELECT name FROM employees ORDER BY salary', key);
    expect(outcome.score).toBe(0);
    expect(outcome.feedback).toMatchObject({ status: 'wrong', orderMatters: true, differingRows: 4, expectedValuesShown: true });
    expect(outcome.feedback.differences).toEqual([
      { row: 1, expected: ['Grace'], actual: ['Alan'] },
      { row: 2, expected: ['Ada'], actual: ['Linus'] },
      { row: 4, expected: ['Linus'], actual: ['Ada'] },
    ]);
    expect(JSON.stringify(outcome)).not.toContain('salary DESC');
  });

  it('hides the expected values of a small result by default: the count of differing rows and the first difference only', async () => {
    const outcome = await grade("SELECT dept, count(*) FROM employees WHERE dept <> 'ops' GROUP BY dept");
    expect(outcome.score).toBe(0);
    expect(outcome.feedback.message).toMatch(/Expected 3 row\(s\), your query returned 2.*2 row\(s\) differ/);
    expect(outcome.feedback).toMatchObject({ differingRows: 2, expectedValuesShown: false, differences: [{ row: 2, actual: ['research', '1'] }] });
    const text = JSON.stringify(outcome.feedback);
    // The expected rows ('eng', 2), ('ops', 2) appear nowhere, nor does the reference query.
    expect(text).not.toMatch(/"ops"|"eng"|"2"/);
    expect(text).not.toContain(REFERENCE);
    // The instructor may choose never to show them, however large the result.
    const never = keyOf({ referenceQuery: 'SELECT g FROM generate_series(1, 50) g', options: { tolerance: 0, statementTimeoutMs: 1000, rowCap: 100, revealExpected: 'never' } });
    const hidden = await grade('SELECT g FROM generate_series(2, 51) g', never);
    expect(hidden.feedback).toMatchObject({ differingRows: 50, expectedValuesShown: false, differences: [{ row: 1, actual: ['2'] }] });
  });

  it('shows expected values of a large result (10 rows or more) by default, up to the differences the key allows', async () => {
    const large = keyOf({ referenceQuery: 'SELECT g FROM generate_series(1, 12) g', options: { tolerance: 0, statementTimeoutMs: 1000, rowCap: 100, differencesShown: 2 } });
    const outcome = await grade('SELECT g + 100 FROM generate_series(1, 12) g', large);
    expect(outcome.feedback).toMatchObject({ differingRows: 12, expectedValuesShown: true, differences: [{ row: 1, expected: ['1'], actual: ['101'] }, { row: 2, expected: ['2'], actual: ['102'] }] });
  });

  it('compares numbers within the tolerance', async () => {
    const reference = 'SELECT sum(salary) / 7 FROM employees';
    const lenient = keyOf({ referenceQuery: reference, options: { tolerance: 0.01, statementTimeoutMs: 1000, rowCap: 100 } });
    const strict = keyOf({ referenceQuery: reference, options: { tolerance: 0, statementTimeoutMs: 1000, rowCap: 100 } });
    expect((await grade('SELECT round(sum(salary) / 7, 2) FROM employees', lenient)).score).toBe(10);
    expect((await grade('SELECT round(sum(salary) / 7, 1) FROM employees', lenient)).score).toBe(0);
    expect((await grade('SELECT round(sum(salary) / 7, 2) FROM employees', strict)).score).toBe(0);
  });

  it('loads a dataset given as SQL and publishes only its DDL', async () => {
    const key = keyOf({
      dataset: { sql: 'CREATE TABLE t (x int);\nINSERT INTO t VALUES (1), (2);' },
      referenceQuery: 'SELECT sum(x) FROM t',
    });
    expect((await grade('select 1 + 2', key)).score).toBe(10);
    expect(grader.publicView(key)).toEqual({
      dataset: { tables: [], ddl: ['CREATE TABLE t (x int)'] },
      rowCap: 100,
      statementTimeoutMs: 1000,
      orderMatters: false,
    });
  });

  it('keeps duplicate and unnamed columns, and the order of a sorted subquery', async () => {
    const key = keyOf({ referenceQuery: "SELECT id, id, 'x' FROM employees ORDER BY id DESC" });
    expect((await grade("select id as a, id as a, 'x' from employees order by 1 desc", key)).score).toBe(10);
    expect((await grade("select id, id, 'x' from employees order by 1", key)).score).toBe(0);
  });

  it('describes a dataset given as SQL from the loaded tables', async () => {
    const key = keyOf({ dataset: { sql: "CREATE TABLE t (x int, label text);\nINSERT INTO t VALUES (1, 'one'), (2, 'two');" }, referenceQuery: 'SELECT 1' });
    expect(await grader.describeDataset(key)).toEqual({
      tables: [{ name: 't', columns: [{ name: 'x', type: 'integer' }, { name: 'label', type: 'text' }], sampleRows: [['1', 'one'], ['2', 'two']] }],
    });
  });

  it('stops at the row cap', async () => {
    const outcome = await grade('SELECT g FROM generate_series(1, 1000000) g');
    expect(outcome).toMatchObject({ score: 0, feedback: { status: 'too-many-rows' } });
  });
});

describe('SqlGrader against hostile queries: graded 0 with feedback, nothing changed', () => {
  const attacks: Array<[string, string, RegExp]> = [
    ['DROP', 'DROP TABLE employees', /one SELECT|syntax/i],
    ['INSERT', "INSERT INTO employees VALUES (9, 'Eve', 'x', 1)", /one SELECT|syntax/i],
    ['UPDATE', 'UPDATE employees SET salary = 0', /one SELECT|syntax/i],
    ['a data-modifying CTE', 'WITH d AS (DELETE FROM employees RETURNING *) SELECT * FROM d', /data-modifying|read|failed/i],
    ['several statements', 'SELECT 1; DROP TABLE employees', /one SELECT|multiple commands/i],
    ['several statements after a comment', 'SELECT 1 --\n; DELETE FROM employees', /one SELECT|multiple commands/i],
    ['reading an app table', 'SELECT * FROM public.app_user', /Permission denied/i],
    ['reading an app table by search path', 'SELECT * FROM app_user', /Unknown table/i],
    ['reading another database', `SELECT * FROM gds_academy.public.app_user`, /cross-database/i],
    ['reading another exercise', `SELECT * FROM ${handleFor(OTHER_EXERCISE).schema}.secrets`, /Permission denied/i],
    ['reading password hashes', 'SELECT rolpassword FROM pg_authid', /Permission denied/i],
    ['pg_sleep', 'SELECT pg_sleep(30)', /longer than 1000 ms/],
    ['a recursive CTE that never ends', 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r', /longer than 1000 ms/],
    ['a huge cross join', 'SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b, employees', /longer than 1000 ms/],
    ['COPY', 'COPY employees TO STDOUT', /one SELECT|syntax/i],
    ['COPY to a file', "COPY (SELECT * FROM employees) TO '/tmp/gds-sandbox-leak'", /one SELECT|syntax/i],
    ['pg_read_file', "SELECT pg_read_file('/etc/passwd')", /Permission denied/i],
    ['SET ROLE', `SET ROLE ${SANDBOX_OWNER_ROLE}`, /one SELECT|syntax/i],
    ['set_config(role)', `SELECT set_config('role', '${SANDBOX_OWNER_ROLE}', false)`, /permission denied/i],
    ['disabling the timeout', "SELECT set_config('statement_timeout', '0', false), pg_sleep(30)", /not available in the sandbox/],
    ['SELECT FOR UPDATE', 'SELECT * FROM employees FOR UPDATE', /Only reading/i],
    ['huge values', "SELECT repeat('x', 100000) FROM employees", /larger than 16 KiB/],
    ['huge values in a column named like the wrapper', "SELECT 1 AS gds_answer_row, repeat('x', 100000) AS big FROM employees", /larger than 16 KiB/],
    ['escaping the size wrapper', "SELECT 1) AS gds_answer_row UNION ALL SELECT repeat('x', 100000) FROM (SELECT 1", /one SELECT|syntax/i],
    ['killing a connection', 'SELECT pg_terminate_backend(pg_backend_pid())', /Permission denied/i],
    ["reading other trainees' queries", 'SELECT query FROM pg_stat_activity', /Permission denied/i],
    ["reading other trainees' queries by function", 'SELECT * FROM pg_stat_get_activity(NULL)', /Permission denied/i],
  ];

  it.each(attacks)('%s', async (_name, query, message) => {
    const outcome = await grade(query);
    expect(outcome.score).toBe(0);
    expect(outcome.feedback.status).toBe('error');
    expect(String(outcome.feedback.message)).toMatch(message);
  });

  afterAll(async () => {
    // Everything is still there, and the sandbox still grades.
    const schema = handleFor({ tables: [employees] }).schema;
    const counts = await asAdmin(async (client) => ({
      employees: (await client.query(`SELECT count(*)::int AS n, sum(salary)::text AS s FROM "${schema}".employees`)).rows[0],
      users: (await client.query('SELECT count(*)::int AS n FROM public.app_user')).rows[0].n,
    }));
    expect(counts).toEqual({ employees: { n: 5, s: '24300.75' }, users: 1 });
    expect((await grade('select dept, count(*) from employees group by 1')).score).toBe(10);
  });
});
