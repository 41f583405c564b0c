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

  it('accepts a quiz submission in 5 statements, its transaction included: the enrollments come with the module lock; the access check answered from the standing cache', async () => {
    await countedPost(); // the first one reads the frozen quiz into the course module's cache
    const { statements, names } = await countedPost();
    if (process.env.SHOW_STATEMENTS) console.log(statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 160)).join('\n'));
    expect(names).toEqual([
      'cohort:enrollment-refs-with-lock-facts-of-trainee',
      null,
      'assessment:lock-attempts-with-granted',
      'assessment:submit-in-open-or-new-attempt',
      null,
    ]);
    expect(statements.filter((_, i) => names[i] === null)).toEqual(['START TRANSACTION', 'COMMIT']);
  });
});
