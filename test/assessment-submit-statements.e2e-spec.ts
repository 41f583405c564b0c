import { HttpAnswer, waitFor } from '@gds/testing';
import { attemptLockSql } from '../src/assessment/attempt-lock';
import { startTestApp, TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { loginAdmin } from './support/people';
import { buildQuizWorld, quizAnswer, QuizWorld } from './support/quiz-world';

/**
 * Round trips to Postgres per accepted submission (issue 23 item 2, scenario quiz-grading): the
 * acceptance path is the api's hottest write. Every statement any pg client of this process sends
 * during one POST is counted (the api role alone: no relay or worker polling in the count).
 */
describe('submission acceptance: statements per POST', () => {
  let t: TestApp;
  let world: QuizWorld;
  let token: string;
  const counter = new StatementCounter();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { ACCESS_STANDING_CACHE_SECONDS: '300' } });
    const admin = await loginAdmin(t.api);
    world = await buildQuizWorld(t.api, admin.token, 1, 5);
    token = world.trainees[0].token;
    counter.install();
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  async function countedPost(): Promise<{ statements: string[]; names: Array<string | null> }> {
    const { result: answer, statements, names } = await counter.during(() => t.api.post(`/api/v1/assessments/${world.assessmentId}/submissions`, { answer: quizAnswer(0) }, token));
    expect(answer.status).toBe(202);
    return { statements, names };
  }

  it('accepts a quiz submission in 4 statements, its transaction included: the attempt lock comes with the enrollments, their module locks and the exceptions; the access check answered from the standing cache', async () => {
    await countedPost(); // the first one reads the frozen quiz into the course module's cache
    const { statements, names } = await countedPost();
    if (process.env.SHOW_STATEMENTS) console.log(statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n'));
    expect(names).toEqual([
      null,
      'assessment:lock-attempts-with-enrollments',
      'assessment:submit-in-open-or-new-attempt',
      null,
    ]);
    expect(statements.filter((_, i) => names[i] === null)).toEqual(['START TRANSACTION', 'COMMIT']);
  });

  // Half of them name the assessment in capitals (ParseUUIDPipe lets those through unchanged): the
  // lock's key is made from the ids cast to uuid, so both spellings take one lock.
  it('still serialises one trainee’s parallel submits under the attempt lock taken with the enrollments, whatever the id’s case: each in an attempt of its own, none refused', async () => {
    const admin = await loginAdmin(t.api);
    const many = await buildQuizWorld(t.api, admin.token, 1, 100);
    const trainee = many.trainees[0];
    const spelt = (i: number) => (i % 2 === 0 ? many.assessmentId : many.assessmentId.toUpperCase());
    // Without the lock, parallel submits would read the same latest attempt and collide on its number or its submission (409).
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.api.post(`/api/v1/assessments/${spelt(i)}/submissions`, { answer: quizAnswer(i) }, trainee.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    const attempts = await t.dataSource.query(
      'SELECT a.attempt_number AS n, count(s.id)::int AS submissions FROM assessment_attempt a LEFT JOIN submission s ON s.attempt_id = a.id WHERE a.assessment_id = $1 GROUP BY a.attempt_number ORDER BY a.attempt_number',
      [many.assessmentId],
    );
    expect(attempts).toEqual(Array.from({ length: 8 }, (_, i) => ({ n: i + 1, submissions: 1 })));
  });

  /** How many of this database's backends other than `holder` wait for a transaction's advisory lock (only attempt locks are taken here). */
  const waitingOnAttemptLocks = async (holder: number): Promise<number> => {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock%'`,
      [holder],
    );
    return row.n;
  };

  // Deterministic: the test holds the attempt lock of the trainee and the assessment as stored (the
  // key an attempt start takes) in a transaction of its own, sees both requests wait for it, then
  // lets them go. A submit whose key were made from the URL's spelling would not wait, and answer
  // while the lock is held.
  it.each([
    ['as stored', (id: string) => id],
    ['in capitals', (id: string) => id.toUpperCase()],
  ])('makes a submit and an attempt start of one trainee wait for the same attempt lock, the assessment named %s, and both succeed once it is released', async (_, spell) => {
    const admin = await loginAdmin(t.api);
    const world = await buildQuizWorld(t.api, admin.token, 1, 3);
    const trainee = world.trainees[0];
    const id = spell(world.assessmentId);
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await holder.commitTransaction();
      await holder.release();
    };
    let submit: Promise<HttpAnswer> | undefined;
    let start: Promise<HttpAnswer> | undefined;
    try {
      await holder.startTransaction();
      const [{ pid }] = await holder.query('SELECT pg_backend_pid() AS pid');
      await holder.query(`SELECT ${attemptLockSql('$1', '$2')}`, [trainee.id, world.assessmentId]);
      submit = t.api.post(`/api/v1/assessments/${id}/submissions`, { answer: quizAnswer(0) }, trainee.token);
      start = t.api.post(`/api/v1/assessments/${id}/attempts`, undefined, trainee.token);
      let answered = false;
      const answeredWhileHeld = (what: string) => (answer: HttpAnswer): never => {
        answered = true;
        throw new Error(`the ${what} answered ${answer.status} while the attempt lock was held: it did not take that lock (${answer.text.slice(0, 200)})`);
      };
      await Promise.race([
        // (`answered` stops the polling once the race is lost.)
        waitFor(async () => answered || (await waitingOnAttemptLocks(pid)) === 2, { what: 'the submit and the attempt start to wait for the attempt lock', timeoutMs: 60_000, intervalMs: 25 }),
        submit.then(answeredWhileHeld('submit')),
        start.then(answeredWhileHeld('attempt start')),
      ]);
      await release();
      const [submitted, started] = await Promise.all([submit, start]);
      expect([submitted.status, started.status]).toEqual([202, 201]);
      const attempts = await t.dataSource.query(
        'SELECT a.id, a.attempt_number AS n, s.id AS submission FROM assessment_attempt a LEFT JOIN submission s ON s.attempt_id = a.id WHERE a.trainee_id = $1 AND a.assessment_id = $2 ORDER BY a.attempt_number',
        [trainee.id, world.assessmentId],
      );
      // Either order of the two is legitimate: the start first (the submit then goes into its open
      // attempt), or the submit first (in attempt 1; the start then opens attempt 2).
      const startFirst = [{ id: started.body.id, n: 1, submission: submitted.body.id }];
      const submitFirst = [{ id: expect.any(String), n: 1, submission: submitted.body.id }, { id: started.body.id, n: 2, submission: null }];
      expect(attempts).toEqual(attempts.length === 1 ? startFirst : submitFirst);
    } finally {
      await release();
      await Promise.allSettled([submit, start]);
    }
  });
});
