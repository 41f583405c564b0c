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

  it('previews an import row by row (new account, existing trainee, already enrolled, no seat, bad rows and why) and stores nothing', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 3, status: 'running' });
    const enrolled = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: enrolled.id }, admin.token)).status).toBe(201);
    const existing = await createUser(t.api, admin.token, ['trainee']);
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const tag = cohort.id.slice(0, 8);
    const csv = [
      'email,displayName',
      `${enrolled.email.toUpperCase()},Enrolled Already`,
      `${existing.email},Existing Trainee`,
      `new-a-${tag}@example.test,New A`,
      'not-an-email,Bad Email',
      `${instructor.email},Teacher`,
      `new-b-${tag}@example.test,New B`,
      `NEW-A-${tag}@example.test,New A Again`,
    ].join('\n');
    const before = await t.dataSource.query('SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM enrollment) AS enrollments, (SELECT count(*)::int FROM trainee_import) AS imports');
    const preview = await t.api.post(`/api/v1/cohorts/${cohort.id}/imports/preview`, { csv }, admin.token);
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'already-enrolled'],
      [3, 'enroll'],
      [4, 'invite-and-enroll'],
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'no-seat'],
      [8, 'invalid'],
    ]);
    expect(preview.body.rows[3].reasons).toEqual(['email must be an email address']);
    expect(preview.body.rows[4].reasons).toEqual(['the account is not an active trainee']);
    expect(preview.body.rows[6].reasons).toEqual(['email repeats line 4']);
    expect(preview.body.rows[5].reasons[0]).toMatch(/no seat left/);
    expect(preview.body).toMatchObject({ toEnroll: 2, accountsToCreate: 1, alreadyEnrolled: 1, invalid: 3, noSeat: 1, seatsLeft: 2 });
    expect(await t.dataSource.query('SELECT (SELECT count(*)::int FROM app_user) AS users, (SELECT count(*)::int FROM enrollment) AS enrollments, (SELECT count(*)::int FROM trainee_import) AS imports')).toEqual(before);

    // The same refusals as the import for a file that cannot be read, an unknown cohort or a non-admin.
    const previewOf = (body: unknown, id = cohort.id, token = admin.token) => t.api.post(`/api/v1/cohorts/${id}/imports/preview`, body, token);
    expect((await previewOf({ csv: 'mail,name\na@example.test,A' })).status).toBe(400);
    expect((await previewOf({ csv: 'email,displayName\n' })).status).toBe(422);
    expect((await previewOf({})).status).toBe(400);
    expect((await previewOf({ csv }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await previewOf({ csv }, cohort.id, existing.token)).status).toBe(403);
    const completed = await createCohort(t.api, admin.token, fake, { status: 'running' });
    await t.api.post(`/api/v1/cohorts/${completed.id}/status`, { status: 'completed' }, admin.token);
    const closed = await previewOf({ csv }, completed.id);
    expect(closed.status).toBe(422);
    expect(closed.body.type).toContain('cohort-not-enrolling');
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
