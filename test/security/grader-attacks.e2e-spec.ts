import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { OwnPostgresServer } from '../support/postgres-server';
import { TestPerson } from '../support/people';
import { TestApp } from '../support/test-app';
import { AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, publishAndEnroll, QUIZ_RIGHT, quizBody, startAssessmentApp, waitForSubmission } from '../support/assessment-builders';
import { handleFor } from '../../src/assessment/sandbox/sandbox-names';

/**
 * Issue 20's attack list, as a hostile trainee makes it: through the API only, one row per attack
 * with the refusal expected. The app database and the sandbox live on a throwaway Postgres server
 * this file starts (never the shared one), so the advisory-lock flood and the WAL emission could
 * only ever hurt it. Each row submits its answer(s), waits for the result and checks the refusal
 * in the feedback and, where the attack aimed further, that nothing happened (locks, WAL, the
 * canary server, the named pipe, the app still grading).
 */
jest.setTimeout(600_000);

const FLOOD_LOCK = 842618760;
const SALES = { name: 'sales', columns: [{ name: 'region', type: 'text' }, { name: 'amount', type: 'integer' }], rows: [['north', 10], ['south', 20], ['west', 5]] };
const SQL_KEY = { dataset: { tables: [SALES] }, referenceQuery: 'SELECT region, sum(amount) FROM sales GROUP BY region', options: { statementTimeoutMs: 3000, rowCap: 100 } };
const OTHER_KEY = {
  dataset: { sql: "CREATE TABLE answers (v text); CREATE VIEW solution AS SELECT 'view-secret-91' AS v; CREATE FUNCTION solve() RETURNS text LANGUAGE sql AS $$ SELECT 'function-secret-91' $$;" },
  referenceQuery: 'SELECT v FROM solution',
};
const CONFIG_KEY = { rules: [{ id: 'wild', check: 'noWildcard', path: '$.*', points: 1, message: 'No wildcards.' }] };
const RUBRIC_KEY = { criteria: [{ id: 'c', title: 'Layout', levels: [{ label: 'ok', points: 10 }] }] };

type Kind = 'sql' | 'config' | 'rubric';
interface Context {
  submit(kind: Kind, answer: unknown, who?: TestPerson): Promise<any>;
  sandbox<T>(work: (client: Client) => Promise<T>): Promise<T>;
  canaryHits: string[];
  canaryUrl: string;
  fifo: string;
  fifoOpened(): boolean;
}
interface Attack {
  attack: string;
  refusal: string;
  run(ctx: Context): Promise<void>;
}

const feedbackText = (submission: any) => JSON.stringify(submission.feedback);
const expectSqlRefused = async (ctx: Context, query: string, message: RegExp) => {
  const graded = await ctx.submit('sql', { query });
  expect({ status: graded.status, score: graded.score, feedback: graded.feedback.status }).toEqual({ status: 'graded', score: 0, feedback: 'error' });
  expect(graded.feedback.message).toMatch(message);
};
const lockCount = (ctx: Context) => ctx.sandbox(async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'")).rows[0].n);
const walBytes = (ctx: Context) => ctx.sandbox(async (c) => Number((await c.query("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn AS b")).rows[0].b));

const ATTACKS: Attack[] = [
  {
    attack: 'an advisory lock taken in an answer stays held after grading',
    refusal: 'the function is not available; no advisory lock is held afterwards',
    async run(ctx) {
      await expectSqlRefused(ctx, `SELECT pg_advisory_lock(${FLOOD_LOCK})::text, 'x'`, /not available in the sandbox/);
      expect(await lockCount(ctx)).toBe(0);
    },
  },
  {
    attack: "setseed() in trainee A's answer seeds trainee B's random()",
    refusal: 'each answer runs on a new connection: B gets an unseeded value',
    async run(ctx) {
      const seeded = await ctx.sandbox(async (c) => {
        await c.query('SELECT setseed(0.25)');
        return (await c.query('SELECT random()::text AS r')).rows[0].r;
      });
      await ctx.submit('sql', { query: 'SELECT setseed(0.25)::text, 1' });
      const b = await ctx.submit('sql', { query: 'SELECT random()::text, 1' });
      expect(feedbackText(b)).not.toContain(seeded);
    },
  },
  {
    attack: 'a flood of advisory locks exhausts the lock table of the whole cluster',
    refusal: 'refused before any lock is taken; the app keeps grading',
    async run(ctx) {
      await expectSqlRefused(ctx, 'SELECT count(pg_advisory_lock(g))::text, 1 FROM generate_series(1, 10000000) g', /not available in the sandbox/);
      await expectSqlRefused(ctx, 'SELECT count(pg_try_advisory_xact_lock(g))::text, 1 FROM generate_series(1, 10000000) g', /not available in the sandbox/);
      expect(await lockCount(ctx)).toBe(0);
    },
  },
  {
    attack: 'pg_logical_emit_message writes WAL from a read-only, rolled-back answer',
    refusal: 'refused: less WAL is written than the 10 MB the answer asks for',
    async run(ctx) {
      const before = await walBytes(ctx);
      await expectSqlRefused(ctx, "SELECT pg_logical_emit_message(false, 'x', repeat('x', 10000000))::text, 1", /not available in the sandbox/);
      await expectSqlRefused(ctx, "SELECT lo_from_bytea(0, convert_to(repeat('x', 10000000), 'UTF8'))::text, 1", /not available in the sandbox/);
      expect((await walBytes(ctx)) - before).toBeLessThan(10_000_000);
      expect(await ctx.sandbox(async (c) => (await c.query('SELECT count(*)::int AS n FROM pg_largeobject_metadata')).rows[0].n)).toBe(0);
    },
  },
  {
    attack: "another exercise's view and function definitions through pg_get_viewdef and pg_proc.prosrc",
    refusal: 'permission denied for both',
    async run(ctx) {
      // By name the other schema is closed (no USAGE); by oid, the function itself is refused.
      await expectSqlRefused(ctx, `SELECT pg_get_viewdef('${handleFor(OTHER_KEY.dataset).schema}.solution'), 1`, /Permission denied/);
      await expectSqlRefused(ctx, 'SELECT pg_get_viewdef(o::oid), 1 FROM generate_series(16384, 20000) o', /not available in the sandbox/);
      await expectSqlRefused(ctx, 'SELECT pg_get_functiondef(o::oid), 1 FROM generate_series(16384, 20000) o', /not available in the sandbox/);
      await expectSqlRefused(ctx, "SELECT prosrc, 1 FROM pg_proc WHERE proname = 'solve'", /Permission denied/);
    },
  },
  {
    attack: "other sessions' statements through pg_stat_get_backend_activity",
    refusal: 'the function is not available',
    async run(ctx) {
      await expectSqlRefused(ctx, 'SELECT pg_stat_get_backend_activity(s), 1 FROM pg_stat_get_backend_idset() s', /not available in the sandbox/);
    },
  },
  {
    attack: '<style>@import url(http://127.0.0.1:PORT/x)</style> makes the grader fetch the URL',
    refusal: 'checked with no fetch: the loopback canary receives nothing',
    async run(ctx) {
      const html = `<html lang="en"><head><title>t</title><style>@import url('${ctx.canaryUrl}/x');</style><link rel="stylesheet" href="${ctx.canaryUrl}/y"></head><body><main><h1>x</h1></main></body></html>`;
      const waiting = await ctx.submit('rubric', { text: 'page', html, css: `@import url('${ctx.canaryUrl}/z');` });
      expect(waiting.feedback.machine).toBeDefined();
      expect(ctx.canaryHits).toEqual([]);
    },
  },
  {
    attack: "@import url('file:///...') makes the grader read a local file",
    refusal: 'no file: URL is ever opened (a named pipe sees no reader)',
    async run(ctx) {
      const html = `<html lang="en"><head><title>t</title><style>@import url('file://${ctx.fifo}');</style></head><body><main><h1>x</h1><iframe title="f" src="file://${ctx.fifo}"></iframe></main></body></html>`;
      let opened = false;
      const watcher = setInterval(() => (opened ||= ctx.fifoOpened()), 10);
      try {
        await ctx.submit('rubric', { text: 'page', html, css: `@import url('file://${ctx.fifo}');` });
      } finally {
        clearInterval(watcher);
      }
      expect(opened || ctx.fifoOpened()).toBe(false);
    },
  },
  ...[
    ['400 empty iframes', '<iframe></iframe>'.repeat(400), /more than 10 frames/],
    ['3,000 iframes', '<iframe></iframe>'.repeat(3000), /more than 10 frames/],
    ['10,000 paragraphs', '<p>x</p>'.repeat(10_000), /more than 2000 elements/],
    ['a 3,000-deep <div> nesting', `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`, /deeper than 256 levels/],
  ].map(([name, body, message]): Attack => ({
    attack: `${name} freeze the process (jsdom and axe on the event loop) or fail grading five times`,
    refusal: 'refused by the page-shape caps, feedback on the first try',
    async run(ctx) {
      const waiting = await ctx.submit('rubric', { text: 'page', html: `<html lang="en"><body>${body}</body></html>` });
      expect(waiting.feedback.lines).toEqual([expect.stringMatching(message as RegExp)]);
    },
  })),
  {
    attack: 'a config key holding a NUL ("a\\u0000b") fails five retries and ends in error',
    refusal: 'graded on the first try, the NUL shown as U+FFFD',
    async run(ctx) {
      const graded = await ctx.submit('config', { document: '{"a\\u0000b": "s3:*"}', format: 'json' });
      expect(graded).toMatchObject({ status: 'graded', score: 0, error: null });
      expect(feedbackText(graded)).toContain('\uFFFD');
    },
  },
  {
    attack: 'an SQL exercise is provisioned twice (its key hashed before and after jsonb reorders it)',
    refusal: 'one schema and one reader role per dataset',
    async run(ctx) {
      await ctx.submit('sql', { query: 'SELECT region, sum(amount) FROM sales GROUP BY region' });
      const schemas = await ctx.sandbox(async (c) => (await c.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'ds\\_%' ORDER BY 1")).rows.map((r) => r.nspname));
      expect(schemas).toEqual([handleFor(SQL_KEY.dataset).schema, handleFor(OTHER_KEY.dataset).schema].sort());
      const roles = await ctx.sandbox(async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_roles WHERE rolname LIKE 'gds\\_sbx\\_reader\\_%'")).rows[0].n);
      expect(roles).toBe(2);
    },
  },
  {
    attack: 'feedback shows every row of a small expected result, to be replayed as VALUES',
    refusal: 'the count of differing rows and the first difference without expected values',
    async run(ctx) {
      const wrong = await ctx.submit('sql', { query: "SELECT 'north', 1" });
      expect(wrong.feedback).toMatchObject({ status: 'wrong', expectedValuesShown: false, differingRows: 3 });
      expect(feedbackText(wrong)).not.toMatch(/"south"|"west"|"20"|"15"/);
      expect(wrong.feedback.differences.every((d: object) => !('expected' in d))).toBe(true);
    },
  },
];

describe('grader attacks (issue 20), on a Postgres server of this test’s own', () => {
  let pg: OwnPostgresServer;
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;
  let canary: Server;
  let dir: string;
  const ctx = { canaryHits: [] as string[] } as Context;
  const ids = {} as Record<Kind | 'quiz', string>;
  let trainee: TestPerson;
  let quizTrainee: TestPerson;
  let sandboxUrl: string;

  beforeAll(async () => {
    pg = await OwnPostgresServer.start();
    sandboxUrl = `postgres://postgres@127.0.0.1:${pg.port}/gds_sandbox`;
    canary = createServer((req, res) => {
      ctx.canaryHits.push(req.url ?? '');
      res.end('body{}');
    });
    await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
    ctx.canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(tmpdir(), 'gds-attacks-'));
    ctx.fifo = path.join(dir, 'secret.css');
    execFileSync('mkfifo', [ctx.fifo]);
    ctx.fifoOpened = () => {
      try {
        closeSync(openSync(ctx.fifo, constants.O_WRONLY | constants.O_NONBLOCK));
        return true;
      } catch {
        return false;
      }
    };
    ({ t, fakes, admin } = await startAssessmentApp({ postgresAdminUrl: pg.adminUrl, env: { SANDBOX_DATABASE_URL: sandboxUrl, DESIGN_CHECK_TIMEOUT_MS: '120000' } }));
    const { instructor, module } = await instructorWithModule(t, fakes, admin);
    const add = (body: Record<string, unknown>) => authorAssessment(t.api, instructor, module.moduleId, { maxScore: 10, passMark: 5, attemptsAllowed: 100, ...body });
    ids.sql = await add({ kind: 'sql', title: 'Sales', key: SQL_KEY });
    await add({ kind: 'sql', title: 'Another exercise', key: OTHER_KEY });
    ids.config = await add({ kind: 'config', title: 'Policy', key: CONFIG_KEY });
    ids.rubric = await add({ kind: 'rubric', title: 'Page', key: RUBRIC_KEY });
    ids.quiz = await add(quizBody({ attemptsAllowed: 100 }));
    const enrolled = await publishAndEnroll(t, fakes, admin, module);
    trainee = enrolled.trainee;
    quizTrainee = (await enrollAnother(t, fakes, admin, enrolled.enrollment)).trainee;
    ctx.submit = async (kind, answer, who = trainee) => {
      const submitted = await t.api.post(`/api/v1/assessments/${ids[kind]}/submissions`, { answer }, who.token);
      if (submitted.status !== 202) throw new Error(`submitting failed: ${submitted.status} ${submitted.text}`);
      const done = await waitForSubmission(t.api, who.token, submitted.body.id, ['graded', 'needs_review', 'error']);
      // Every attack is answered on the first try: one grading job run, never a retry.
      const failures = await t.dataSource.query(`SELECT count(*)::int AS n FROM job_failure WHERE payload->>'submissionId' = $1`, [submitted.body.id]);
      expect({ status: done.status === 'error' ? done.error : 'answered', failures: failures[0].n }).toEqual({ status: 'answered', failures: 0 });
      return done;
    };
    ctx.sandbox = async (work) => {
      const client = new Client({ connectionString: sandboxUrl });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => canary?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await pg?.destroy();
  });

  it.each(ATTACKS.map((a) => [a.attack, a.refusal, a] as const))('%s → %s', async (_attack, _refusal, attack) => {
    await attack.run(ctx);
  });

  it('leaves nothing behind in the sandbox, and the app still grades other trainees on the same server', async () => {
    const left = await ctx.sandbox(async (c) => (await c.query(`SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory')::int AS locks,
      (SELECT count(*) FROM pg_largeobject_metadata)::int AS objects, (SELECT count(*) FROM pg_class WHERE relpersistence = 't')::int AS temp`)).rows[0]);
    expect(left).toEqual({ locks: 0, objects: 0, temp: 0 });
    const quiz = await t.api.post(`/api/v1/assessments/${ids.quiz}/submissions`, { answer: QUIZ_RIGHT }, quizTrainee.token);
    expect((await waitForSubmission(t.api, quizTrainee.token, quiz.body.id)).score).toBe(100);
    expect((await t.api.get('/health/ready')).status).toBe(200);
  });
});
