import { createUser, TestPerson } from './support/people';
import { TestApp } from './support/test-app';
import { AssessmentFakes, authorAssessment, enrollAnother, instructorWithModule, publishAndEnroll, quizBody, startAssessmentApp } from './support/assessment-builders';

/**
 * POST /api/v1/assessments/:id/trial-runs over HTTP against the real app, Postgres and the SQL
 * sandbox: rows or rule findings, never a grade, an expected row or the key; no attempt used,
 * nothing stored; 422 for other kinds, 404 for what is not yours, 429 past the rate limit.
 */
const SQL_KEY = {
  dataset: { tables: [{ name: 'calls', columns: [{ name: 'queue', type: 'text' }, { name: 'seconds', type: 'integer' }], rows: [['billing', 300], ['billing', 240], ['tech', 600]] }] },
  referenceQuery: "SELECT queue, avg(seconds)::int FROM calls WHERE queue <> 'trial-hidden-literal' GROUP BY queue ORDER BY queue",
  options: { statementTimeoutMs: 2000, rowCap: 2 },
};
const CONFIG_KEY = {
  rules: [
    { id: 'owner', check: 'equals', path: '$.owner', value: 'trial-hidden-owner', points: 2, message: 'Set the owner.' },
    { id: 'public', check: 'equals', path: '$.public', value: false, points: 1, message: 'Keep it private.' },
  ],
};
const RATE_LIMIT = 6;

describe('assessments: trial runs', () => {
  let t: TestApp;
  let fakes: AssessmentFakes;
  let admin: TestPerson;
  let instructor: TestPerson;
  let trainee: TestPerson;
  let enrollment: Parameters<typeof enrollAnother>[3];
  const ids = {} as Record<'sql' | 'config' | 'quiz' | 'rubric' | 'once', string>;

  beforeAll(async () => {
    ({ t, fakes, admin } = await startAssessmentApp({ env: { TRIAL_RUN_RATE_LIMIT: String(RATE_LIMIT), TRIAL_RUN_RATE_WINDOW_MS: '600000' } }));
    const built = await instructorWithModule(t, fakes, admin);
    instructor = built.instructor;
    const add = (body: Record<string, unknown>) => authorAssessment(t.api, instructor, built.module.moduleId, { maxScore: 10, passMark: 5, attemptsAllowed: 3, ...body });
    ids.sql = await add({ kind: 'sql', title: 'Handle time', key: SQL_KEY });
    ids.config = await add({ kind: 'config', title: 'Bucket', key: CONFIG_KEY });
    ids.quiz = await add(quizBody({ maxScore: 10, passMark: 5 }));
    ids.rubric = await add({ kind: 'rubric', title: 'Page', key: { criteria: [{ id: 'c', title: 'C', levels: [{ label: 'ok', points: 1 }] }] } });
    ids.once = await add({ kind: 'sql', title: 'One try', attemptsAllowed: 1, key: SQL_KEY });
    ({ trainee, enrollment } = await publishAndEnroll(t, fakes, admin, built.module));
  });
  afterAll(() => t.close());

  const tryAs = (who: TestPerson, id: string, answer: unknown) => t.api.post(`/api/v1/assessments/${id}/trial-runs`, { answer }, who.token);
  const stored = async () => (await t.dataSource.query('SELECT (SELECT count(*) FROM submission)::int AS s, (SELECT count(*) FROM assessment_attempt)::int AS a, (SELECT count(*) FROM grade)::int AS g, (SELECT count(*) FROM outbox_message)::int AS o'))[0];

  it('runs an SQL answer in the sandbox: its rows up to the row cap, no grade, no key, no attempt, nothing stored', async () => {
    const before = await stored();
    const ran = await tryAs(trainee, ids.sql, { query: 'SELECT queue, seconds FROM calls ORDER BY seconds' });
    expect(ran.status).toBe(200);
    expect(ran.body).toEqual({ assessmentId: ids.sql, kind: 'sql', status: 'ok', result: { columns: ['queue', 'seconds'], rows: [['billing', '240'], ['billing', '300']], rowCount: 2, truncated: true } });
    const failed = await tryAs(trainee, ids.sql, { query: 'DROP TABLE calls' });
    expect(failed.body).toMatchObject({ status: 'error', message: expect.stringMatching(/one SELECT/) });
    const hostile = await tryAs(trainee, ids.sql, { query: 'SELECT pg_advisory_lock(1)' });
    expect(hostile.body).toMatchObject({ status: 'error', message: expect.stringMatching(/not available in the sandbox/) });
    for (const answer of [ran, failed, hostile]) expect(answer.text).not.toMatch(/trial-hidden-literal|referenceQuery|score/);
    expect(await stored()).toEqual(before);
    expect((await t.api.get(`/api/v1/assessments/${ids.sql}`, trainee.token)).body.attemptsUsed).toBe(0);
  });

  it('checks a configuration: each rule passed or not with its message, no points, no expected values', async () => {
    const ran = await tryAs(trainee, ids.config, { document: 'owner: someone\npublic: false\n', format: 'yaml' });
    expect(ran.status).toBe(200);
    expect(ran.body).toMatchObject({ kind: 'config', status: 'ok', format: 'yaml', rules: [{ id: 'owner', passed: false, message: 'Set the owner.' }, { id: 'public', passed: true }] });
    expect(ran.text).not.toMatch(/trial-hidden-owner|points|score/);
    const unreadable = await tryAs(trainee, ids.config, { document: '{ "owner": ', format: 'json' });
    expect(unreadable.body).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/could not be read/) });
  });

  it('answers 422 for quiz and rubric assessments, 400 for a bad answer, 404 for what is not yours, 409 when no attempt is left', async () => {
    const trainee = (await enrollAnother(t, fakes, admin, enrollment)).trainee;
    expect(await tryAs(trainee, ids.quiz, { answers: { q1: 'b' } })).toMatchObject({ status: 422, body: { type: expect.stringMatching(/trial-run-unsupported$/) } });
    expect((await tryAs(trainee, ids.rubric, { text: 'x' })).status).toBe(422);
    expect((await tryAs(trainee, ids.sql, { query: 7 })).status).toBe(400);
    expect((await tryAs(trainee, ids.sql, { query: 'SELECT 1', extra: true })).status).toBe(400);
    expect((await tryAs(trainee, ids.sql, { query: 'SELECT 1\u0000' })).status).toBe(400);
    expect((await t.api.post(`/api/v1/assessments/${ids.sql}/trial-runs`, { answer: { query: 'SELECT 1' }, surprise: 1 }, trainee.token)).status).toBe(400);
    const stranger = await createUser(t.api, admin.token, ['trainee']);
    expect((await tryAs(stranger, ids.sql, { query: 'SELECT 1' })).status).toBe(404);
    expect((await t.api.post(`/api/v1/assessments/${ids.sql}/trial-runs`, { answer: { query: 'SELECT 1' } })).status).toBe(401);
    const other = await enrollAnother(t, fakes, admin, enrollment);
    expect((await t.api.post(`/api/v1/assessments/${ids.once}/submissions`, { answer: { query: 'SELECT 1' } }, other.trainee.token)).status).toBe(202);
    expect(await tryAs(other.trainee, ids.once, { query: 'SELECT 1' })).toMatchObject({ status: 409, body: { type: expect.stringMatching(/attempts-exhausted$/) } });
  });

  it('lets the editor try the draft key', async () => {
    const ran = await tryAs(instructor, ids.sql, { query: 'SELECT count(*) FROM calls' });
    expect(ran.body).toMatchObject({ status: 'ok', result: { rows: [['3']] } });
  });

  it('limits trial runs per user: 429 with Retry-After past the limit, other users unaffected', async () => {
    const runner = (await enrollAnother(t, fakes, admin, enrollment)).trainee;
    const answers = [];
    for (let i = 0; i < RATE_LIMIT + 1; i++) answers.push(await tryAs(runner, ids.sql, { query: 'SELECT 1' }));
    expect(answers.slice(0, RATE_LIMIT).map((a) => a.status)).toEqual(Array(RATE_LIMIT).fill(200));
    const refused = answers[RATE_LIMIT];
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const someoneElse = (await enrollAnother(t, fakes, admin, enrollment)).trainee;
    expect((await tryAs(someoneElse, ids.sql, { query: 'SELECT 1' })).status).toBe(200);
  });
});
