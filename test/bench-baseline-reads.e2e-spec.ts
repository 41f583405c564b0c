import { randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { BaselineServer, startBaselineServer } from '../bench/baseline/baseline-server';
import { apiCall } from '../bench/harness/api-call';
import { publishCourse, runningCohort } from '../bench/scenarios/trainee-course';

// The bare routes the bench compares the app with must do the app's work: the same answer from the
// same statements (bench/baseline/baseline-statements.ts). A bare route that read other rows or
// answered fewer fields would make the ratio mean something else.
describe('bench baseline reads (me, me-enrollments, lesson) answer as the app does', () => {
  let t: TestApp;
  let baseline: BaselineServer;
  beforeAll(async () => {
    t = await startTestApp();
    baseline = await startBaselineServer({
      DATABASE_URL: t.database.url, DATABASE_POOL_SIZE: '2', REDIS_URL: t.config.REDIS_URL, BASELINE_QUEUE_PREFIX: `{tb${randomBytes(5).toString('hex')}}`,
      JWT_SECRET: t.config.JWT_SECRET, JWT_ISSUER: t.config.JWT_ISSUER, JWT_AUDIENCE: t.config.JWT_AUDIENCE, PORT: '0',
    });
  });
  afterAll(async () => {
    await baseline?.close();
    await t.close();
  });

  it('answers the same status and body from the app and from the bare server', async () => {
    const admin = await loginAdmin(t.api);
    const course = await publishCourse(t.url, admin.token);
    const trainee = await createUser(t.api, admin.token);
    // Two enrollments (newest first on both sides), a lesson done in the first.
    for (const name of ['Baseline reads A', 'Baseline reads B']) {
      const cohort = await runningCohort(t.url, admin.token, course.versionId, name, 5);
      await apiCall(t.url, admin.token, 'POST', `/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id });
    }
    await apiCall(t.url, trainee.token, 'POST', `/api/v1/lessons/${course.lessonIds[0]}/complete`);
    const paths = ['/api/v1/me', '/api/v1/me/enrollments', `/api/v1/courses/${course.courseId}/versions/${course.version}/lessons/${course.lessonIds[1]}`];
    for (const path of paths) {
      const get = (base: string) => fetch(base + path, { headers: { authorization: `Bearer ${trainee.token}` } });
      const [app, bare] = [await get(t.url), await get(baseline.url)];
      expect({ path, status: bare.status }).toEqual({ path, status: 200 });
      expect({ path, status: app.status }).toEqual({ path, status: 200 });
      expect(await bare.json()).toEqual(await app.json());
    }
  });
});
