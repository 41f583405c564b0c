import { TestApp } from './support/test-app';
import { StatementCounter } from './support/statement-counter';
import { countStatementsOnApiApp } from './support/statement-counting-app';
import { createUser, loginAdmin } from './support/people';
import { buildQuizWorld, quizAnswer } from './support/quiz-world';

/**
 * The statements each request of the load mix (bench/load/actions) sends, in order, on its warm
 * path (issue 23 item 3: under the load, each sequential round trip costs a turn of the event loop),
 * in one place: adding a round trip to any of them fails here. The world is bench/load's in small:
 * a published course with a lesson and an untimed quiz, a running cohort, an enrolled trainee.
 */
describe('load mix: statements per request', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  countStatementsOnApiApp(counter, (app) => (t = app));

  it('sends each load-mix request’s statements, in order (SHOW_STATEMENTS=1 prints their texts)', async () => {
    const admin = await loginAdmin(t.api);
    const world = await buildQuizWorld(t.api, admin.token, 1, 100);
    const trainee = world.trainees[0];
    const fresh = await createUser(t.api, admin.token, ['trainee']);
    const rows: Array<[string, Array<string | null>, string[]]> = [];
    const measure = async (label: string, request: () => Promise<{ status: number; text: string }>, warm = true) => {
      if (warm) await request();
      const { result, names, statements } = await counter.during(request);
      if (result.status >= 300) throw new Error(`${label}: ${result.status} ${result.text}`);
      rows.push([label, names, statements]);
    };
    await measure('PATCH /me (load body)', () => t.api.patch('/api/v1/me', { district: 'Cayo', consentVersion: 1 }, trainee.token));
    await measure('POST /lessons/:id/complete (first)', () => t.api.post(`/api/v1/lessons/${world.lessonId}/complete`, undefined, trainee.token), false);
    await measure('POST /lessons/:id/complete (again)', () => t.api.post(`/api/v1/lessons/${world.lessonId}/complete`, undefined, trainee.token));
    let submissionId = '';
    await measure('POST /assessments/:id/submissions', async () => {
      const a = await t.api.post(`/api/v1/assessments/${world.assessmentId}/submissions`, { answer: quizAnswer(0) }, trainee.token);
      submissionId = a.body.id;
      return a;
    });
    await measure('POST /auth/refresh', async () => {
      const a = await t.api.post('/api/v1/auth/refresh', { refreshToken: fresh.refreshToken });
      fresh.refreshToken = a.body.refreshToken;
      return a;
    });
    await measure('POST /auth/login', () => t.api.post('/api/v1/auth/login', { email: fresh.email, password: fresh.password }));
    await measure('GET /career-fairs', () => t.api.get('/api/v1/career-fairs', trainee.token));
    await measure('GET /courses', () => t.api.get('/api/v1/courses', trainee.token));
    await measure('GET /courses/:id', () => t.api.get(`/api/v1/courses/${world.courseId}`, trainee.token));
    await measure('GET /courses/:id/versions/:version', () => t.api.get(`/api/v1/courses/${world.courseId}/versions/1`, trainee.token));
    await measure('GET lesson', () => t.api.get(`/api/v1/courses/${world.courseId}/versions/1/lessons/${world.lessonId}`, trainee.token));
    await measure('GET /me/enrollments', () => t.api.get('/api/v1/me/enrollments', trainee.token));
    await measure('GET /submissions/:id', () => t.api.get(`/api/v1/submissions/${submissionId}`, trainee.token));
    await measure('GET /cohorts', () => t.api.get('/api/v1/cohorts', trainee.token));
    // No access check: each request's session was checked before (warm-up or an earlier row) and
    // its standing is answered from the cache (src/identity/access-standing-cache.ts).
    expect(Object.fromEntries(rows.map(([label, names]) => [label, names]))).toEqual({
      'PATCH /me (load body)': ['identity:update-own-profile'],
      'POST /lessons/:id/complete (first)': ['cohort:active-progress-facts-of-trainee', 'cohort:record-lesson-completion'],
      'POST /lessons/:id/complete (again)': ['cohort:active-progress-facts-of-trainee'],
      // START TRANSACTION and COMMIT are the two unnamed ones.
      'POST /assessments/:id/submissions': [null, 'assessment:lock-attempts-with-enrollments', 'assessment:submit-in-open-or-new-attempt', null],
      'POST /auth/refresh': ['identity:rotate-unspent-refresh-token'],
      'POST /auth/login': ['identity:sign-in-by-email', 'identity:insert-refresh-token'],
      'GET /career-fairs': ['talent:fairs-trainee-enrolled'],
      'GET /courses': ['course:catalogue'],
      'GET /courses/:id': ['course:detail'],
      'GET /courses/:id/versions/:version': ['course:latest-version'],
      'GET lesson': ['course:lesson-read'],
      'GET /me/enrollments': ['cohort:own-enrollments-with-facts'],
      'GET /submissions/:id': ['assessment:submission-with-queue-position'],
      'GET /cohorts': ['cohort:list:mine'],
    });
    if (process.env.SHOW_STATEMENTS) {
      for (const [label, names, statements] of rows) {
        console.log(`${label}\n${names.map((n, i) => `  ${n ?? '(text)'}: ${statements[i].replace(/\s+/g, ' ').slice(0, 400)}`).join('\n')}`);
      }
    }
  });
});
