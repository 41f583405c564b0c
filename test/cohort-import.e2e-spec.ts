import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows } from './support/cohort-builders';

describe('cohort: CSV import of trainees', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  const finished = (url: string) =>
    waitFor(async () => {
      const status = await t.api.get(url, admin.token);
      return status.body.status === 'finished' ? status.body : undefined;
    }, { what: 'the import to finish', timeoutMs: 45_000 });

  it('creates invited accounts, enrolls them, reports per row, and changes nothing on a second run', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 30, status: 'running' });
    const existing = await createUser(t.api, admin.token, ['trainee']);
    const rows = Array.from({ length: 24 }, (_, i) => `new-${i}-${cohort.id.slice(0, 8)}@example.test,New Trainee ${i}`);
    const csv = ['email,displayName', ...rows, `${existing.email.toUpperCase()},"Existing, Person"`].join('\n');
    const started = await t.api.post(`/api/v1/cohorts/${cohort.id}/imports`, { csv }, admin.token);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ id: expect.any(String), status: 'queued', url: `/api/v1/imports/${started.body.id}` });
    const first = await finished(started.body.url);
    expect(first).toMatchObject({ progress: 100, rows: 25, report: { enrolled: 25, alreadyEnrolled: 0, errors: 0 } });
    expect(first.job).toMatchObject({ state: 'completed', progress: 100 });
    expect(first.report.rows.filter((r: { accountCreated: boolean }) => r.accountCreated)).toHaveLength(24);
    const [invited] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM invitation i JOIN app_user u ON u.id = i.user_id WHERE u.email LIKE $1 AND u.password_hash IS NULL`,
      [`new-%-${cohort.id.slice(0, 8)}@example.test`],
    );
    expect(invited.n).toBe(24);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(25);
    expect((await outboxRows(t.dataSource, 'notify', 'import-finished')).find((r) => r.payload.data.importId === started.body.id)?.payload.recipientIds).toEqual([admin.id]);

    const before = await t.dataSource.query('SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM enrollment) AS enrollments');
    const again = await t.api.post(`/api/v1/cohorts/${cohort.id}/imports`, { csv }, admin.token);
    const second = await finished(again.body.url);
    expect(second.report).toMatchObject({ enrolled: 0, alreadyEnrolled: 25, errors: 0 });
    expect(second.report.rows.every((r: { accountCreated: boolean }) => !r.accountCreated)).toBe(true);
    expect(await t.dataSource.query('SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM enrollment) AS enrollments')).toEqual(before);
  });

  it('reports rows that cannot be enrolled (cohort full, not a trainee) and enrolls the rest', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 1, status: 'running' });
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const csv = `email,displayName\nfirst-${cohort.id}@example.test,First\n${instructor.email},Teacher\nsecond-${cohort.id}@example.test,Second\n`;
    const started = await t.api.post(`/api/v1/cohorts/${cohort.id}/imports`, { csv }, admin.token);
    const done = await finished(started.body.url);
    expect(done.report).toMatchObject({ enrolled: 1, errors: 2 });
    expect(done.report.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([[2, 'enrolled'], [3, 'error'], [4, 'error']]);
    expect(done.report.rows[2].error).toMatch(/seats/);
    // The full row rolled back whole: no account was left behind for it.
    expect(await t.dataSource.query('SELECT 1 FROM app_user WHERE email = $1', [`second-${cohort.id}@example.test`])).toEqual([]);
  });

  it('refuses a wrong header, bad rows, a malformed or huge file, storing nothing', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running' });
    const post = (csv: unknown, token = admin.token) => t.api.post(`/api/v1/cohorts/${cohort.id}/imports`, { csv }, token);
    const header = await post('mail,name\na@example.test,A');
    expect(header.status).toBe(400);
    expect(header.body.type).toContain('csv-header');
    expect((await post('email,displayName,role\na@example.test,A,admin')).body.type).toContain('csv-header');
    const rows = await post('email,displayName\nnot-an-email,A\nb@example.test,\nc@example.test,C\nC@example.test,Again\nd@example.test,D,extra');
    expect(rows.status).toBeGreaterThanOrEqual(400);
    expect(rows.status).toBeLessThan(500);
    const bad = await post('email,displayName\nnot-an-email,A\nb@example.test,\nc@example.test,C\nC@example.test,Again');
    expect(bad.status).toBe(422);
    expect(bad.body.type).toContain('csv-invalid-rows');
    expect(bad.body.errors).toEqual([
      { line: 2, field: 'email', message: expect.any(String) },
      { line: 3, field: 'displayName', message: expect.any(String) },
      { line: 5, field: 'email', message: 'repeats line 4' },
    ]);
    expect((await post('email,displayName\n"unclosed,A')).body.type).toContain('csv-malformed');
    expect((await post('email,displayName\n')).status).toBe(422);
    expect((await post(42)).status).toBe(400);
    const huge = 'email,displayName\n' + Array.from({ length: 60_000 }, (_, i) => `user${i}@example.test,User ${i}`).join('\n');
    expect((await post(huge)).status).toBe(413);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await post('email,displayName\na@example.test,A', trainee.token)).status).toBe(403);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM trainee_import WHERE cohort_id = $1', [cohort.id])).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM enrollment WHERE cohort_id = $1', [cohort.id])).toEqual([{ n: 0 }]);
    expect((await t.api.get('/api/v1/imports/00000000-0000-4000-8000-000000000000', admin.token)).status).toBe(404);
  });
});
