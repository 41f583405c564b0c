import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import type { BaselineServer } from '../bench/baseline/baseline-server';
import { startTestBaseline } from './support/test-baseline';
import { apiCall } from '../bench/harness/api-call';
import { publishCourse, runningCohort } from '../bench/scenarios/trainee-course';
import { attemptLockSql } from '../src/assessment/attempt-lock';
import { buildQuizWorld } from './support/quiz-world';
import { QUIZ_RIGHT } from './support/assessment-builders';

// The bare routes the bench compares the app with must do the app's work: the same answer from the
// same statements (bench/baseline/baseline-statements.ts). A bare route that read other rows or
// answered fewer fields would make the ratio mean something else.
describe('bench baseline routes do the app’s work: the reads (me, me-enrollments, lesson) answer as the app does, the quiz submit locks as it does', () => {
  let t: TestApp;
  let baseline: BaselineServer;
  beforeAll(async () => {
    t = await startTestApp();
    baseline = await startTestBaseline(t);
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

  // The bare quiz submit (scenario quiz-grading) must do the app's locking work too: the app's
  // per-(trainee, assessment) attempt lock, its key made from the ids as uuids, whatever the URL's case.
  it('takes the app’s attempt lock in the bare quiz submit: it waits for the lock of the trainee and the stored assessment id, named in capitals', async () => {
    const admin = await loginAdmin(t.api);
    const world = await buildQuizWorld(t.api, admin.token, 1, 3);
    const trainee = world.trainees[0];
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    let submit: Promise<Response> | undefined;
    try {
      await holder.startTransaction();
      const [{ pid }] = await holder.query('SELECT pg_backend_pid() AS pid');
      await holder.query(`SELECT ${attemptLockSql('$1', '$2')}`, [trainee.id, world.assessmentId]);
      submit = fetch(`${baseline.url}/api/v1/assessments/${world.assessmentId.toUpperCase()}/submissions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${trainee.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ answer: QUIZ_RIGHT }),
      });
      let answered = false;
      await Promise.race([
        waitFor(async () => {
          if (answered) return true;
          const [row] = await t.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE '%pg_advisory_xact_lock%'`,
            [pid],
          );
          return row.n === 1;
        }, { what: 'the bare quiz submit to wait for the attempt lock', timeoutMs: 60_000, intervalMs: 25 }),
        submit.then((answer): never => {
          answered = true;
          throw new Error(`the bare quiz submit answered ${answer.status} while the attempt lock was held: it did not take that lock`);
        }),
      ]);
      await holder.commitTransaction();
      expect((await submit).status).toBe(202);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await Promise.allSettled([submit]);
    }
  });
});
