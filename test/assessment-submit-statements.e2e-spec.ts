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
    t = await startTestApp({ role: 'api' });
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

  it('still serialises one trainee’s parallel submits under the attempt lock taken with the enrollments: each in an attempt of its own, none refused', async () => {
    const admin = await loginAdmin(t.api);
    const many = await buildQuizWorld(t.api, admin.token, 1, 100);
    const trainee = many.trainees[0];
    // Without the lock, parallel submits would read the same latest attempt and collide on its number or its submission (409).
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => t.api.post(`/api/v1/assessments/${many.assessmentId}/submissions`, { answer: quizAnswer(i) }, trainee.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    const attempts = await t.dataSource.query(
      'SELECT a.attempt_number AS n, count(s.id)::int AS submissions FROM assessment_attempt a LEFT JOIN submission s ON s.attempt_id = a.id WHERE a.assessment_id = $1 GROUP BY a.attempt_number ORDER BY a.attempt_number',
      [many.assessmentId],
    );
    expect(attempts).toEqual(Array.from({ length: 8 }, (_, i) => ({ n: i + 1, submissions: 1 })));
  });
});
