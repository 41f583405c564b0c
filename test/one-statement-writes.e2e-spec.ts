import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows } from './support/cohort-builders';

/**
 * The hot writes of issue 23's load run that are one statement outside a transaction (lesson
 * completion, the usual refresh, the usual PATCH /me): what the transactions they replaced
 * guaranteed, under the races and refusals where a single statement could differ.
 */
describe('one-statement writes: lesson completion, token refresh, own profile', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { LOG_LEVEL: 'error' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  const tokenRow = async (token: string) =>
    (await t.dataSource.query('SELECT used_at, revoked_at FROM refresh_token WHERE id = $1', [token.split('.')[0]]))[0] as { used_at: Date | null; revoked_at: Date | null };
  const refresh = (refreshToken: string) => t.api.post('/api/v1/auth/refresh', { refreshToken });

  it('completes a lesson once under concurrent requests, with one event, and not for a withdrawn enrollment', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', shape: { modules: [{ lessons: 2 }] } });
    const [lesson, other] = cohort.outline.modules[0].lessons;
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token);
    const enrollmentId = enrolled.body.id as string;
    const complete = (lessonId: string) => t.api.post(`/api/v1/lessons/${lessonId}/complete`, undefined, trainee.token);

    const answers = await Promise.all(Array.from({ length: 5 }, () => complete(lesson.lessonId)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.body.alreadyCompleted)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.completedAt)).size).toBe(1);
    const events = (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === enrollmentId);
    expect(events).toHaveLength(2); // one at enrollment, one for the completion
    const [touched] = await t.dataSource.query('SELECT last_activity_at FROM enrollment WHERE id = $1', [enrollmentId]);
    expect(touched.last_activity_at).not.toBeNull();

    await t.dataSource.query(`UPDATE enrollment SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [enrollmentId]);
    expect((await complete(other.lessonId)).status).toBe(404);
    const rows = await t.dataSource.query('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [enrollmentId]);
    expect(rows).toEqual([{ lesson_id: lesson.lessonId }]);
  });

  it('refuses the refresh of an inactive user or a wrong secret without spending the token', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [person.id]);
    expect((await refresh(person.refreshToken)).status).toBe(401);
    expect((await tokenRow(person.refreshToken)).used_at).toBeNull();
    await t.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [person.id]);

    const [id] = person.refreshToken.split('.');
    expect((await refresh(`${id}.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await tokenRow(person.refreshToken)).used_at).toBeNull();

    const rotated = await refresh(person.refreshToken);
    expect(rotated.status).toBe(200);
    expect((await t.api.get('/api/v1/me', rotated.body.accessToken)).body.id).toBe(person.id);
    expect((await tokenRow(person.refreshToken)).used_at).not.toBeNull();
  });

  it('answers concurrent refreshes of one token with one successor (the grace window), and a late replay revokes the family', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const answers = await Promise.all(Array.from({ length: 4 }, () => refresh(person.refreshToken)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.refreshToken)).size).toBe(1);
    const successor = answers[0].body.refreshToken as string;
    const family = await t.dataSource.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1', [person.id]);
    expect(family[0].n).toBe(2);

    await t.dataSource.query(`UPDATE refresh_token SET used_at = used_at - interval '1 hour' WHERE id = $1`, [person.refreshToken.split('.')[0]]);
    expect((await refresh(person.refreshToken)).status).toBe(401);
    expect((await tokenRow(successor)).revoked_at).not.toBeNull();
    expect((await refresh(successor)).status).toBe(401);
  });

  it('changes the profile under a consent in force without recording it again, and records a consent given with the values', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    const consents = async () => (await t.dataSource.query('SELECT version FROM demographic_consent WHERE user_id = $1', [person.id])) as Array<{ version: number }>;
    const first = await t.api.patch('/api/v1/me', { district: 'Cayo', consentVersion: 1 }, person.token);
    expect(first.status).toBe(200);
    expect(first.body.district).toBe('Cayo');
    expect(await consents()).toEqual([{ version: 1 }]);
    const again = await t.api.patch('/api/v1/me', { district: 'Belize', consentVersion: 1 }, person.token);
    expect(again.body).toMatchObject({ district: 'Belize', displayName: 'Test trainee' });
    const bare = await t.api.patch('/api/v1/me', { gender: 'female' }, person.token);
    expect(bare.body).toMatchObject({ district: 'Belize', gender: 'female' });
    expect(await consents()).toEqual([{ version: 1 }]);
  });
});
