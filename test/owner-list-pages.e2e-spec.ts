import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { walkPages } from './support/walk-pages';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { apply, createCohort } from './support/cohort-builders';

/**
 * Issue 23.4: the lists bounded by one owner that grow for ever (a user's role changes, an
 * application's decisions) page by a (time, id) keyset. Their rows are written with ties in time
 * (one transaction's rows share now()) and with times a microsecond apart (one JavaScript
 * millisecond), so a page boundary falls inside both: every row comes once, in order, and a cursor
 * this API did not issue is a 400 problem+json.
 */
describe('keyset pages of owner-bounded lists', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();
  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  const forgedCursors = [
    'nonsense',
    Buffer.from(JSON.stringify({ at: '2026-13-45T10:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
    Buffer.from(JSON.stringify({ at: '2026-01-01T10:00:00.000000Z', id: 'x' })).toString('base64url'),
    Buffer.from(JSON.stringify({ at: '2026-01-01T10:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url'),
    Buffer.from(JSON.stringify({ p: 5 })).toString('base64url'),
  ];

  async function expectRefused(path: string, token: string): Promise<void> {
    for (const cursor of forgedCursors) {
      const answer = await t.api.get(`${path}?cursor=${cursor}`, token);
      expect([cursor, answer.status, answer.headers.get('content-type')]).toEqual([cursor, 400, expect.stringContaining('application/problem+json')]);
    }
    for (const limit of ['0', '101', 'x']) expect((await t.api.get(`${path}?limit=${limit}`, token)).status).toBe(400);
  }

  it('a user’s role changes: newest first, every change once through ties, forged cursors refused', async () => {
    const person = await createUser(t.api, admin.token, ['trainee']);
    // 12 changes in one transaction (one time), 6 a microsecond apart, then two by the API.
    await t.dataSource.query(
      `INSERT INTO role_change (user_id, actor_id, action, roles_before, roles_after, reason, changed_at)
       SELECT $1::uuid, $2::uuid, 'roles', ARRAY['trainee'], ARRAY['trainee'], 'tie ' || n, '2026-03-01T10:00:00.123456Z'::timestamptz FROM generate_series(1, 12) n
       UNION ALL
       SELECT $1::uuid, $2::uuid, 'roles', ARRAY['trainee'], ARRAY['trainee'], 'micro ' || n, '2026-03-01T10:00:00.123Z'::timestamptz + n * interval '1 microsecond' FROM generate_series(1, 6) n`,
      [person.id, admin.id],
    );
    expect((await t.api.patch(`/api/v1/users/${person.id}/roles`, { roles: ['trainee', 'reviewer'], reason: 'panel' }, admin.token)).status).toBe(200);
    expect((await t.api.patch(`/api/v1/users/${person.id}/roles`, { roles: ['trainee'], reason: 'panel over' }, admin.token)).status).toBe(200);
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM role_change WHERE user_id = $1 ORDER BY changed_at DESC, id DESC', [person.id]);
    expect(expected.length).toBeGreaterThanOrEqual(20);

    for (const limit of [1, 5, 7]) {
      const seen = await walkPages<{ id: string }>(t.api, `/api/v1/users/${person.id}/role-changes?limit=${limit}`, admin.token);
      expect(seen.map((c) => c.id)).toEqual(expected.map((r) => r.id));
    }
    const first = await t.api.get(`/api/v1/users/${person.id}/role-changes`, admin.token);
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0]).toMatchObject({ action: 'roles', rolesBefore: ['trainee', 'reviewer'], rolesAfter: ['trainee'], reason: 'panel over', actorId: admin.id });

    await expectRefused(`/api/v1/users/${person.id}/role-changes`, admin.token);
    // Still admins only, and an unknown user is a 404 even with a valid cursor.
    expect((await t.api.get(`/api/v1/users/${person.id}/role-changes`, person.token)).status).toBe(403);
    const unknown = await t.api.get(`/api/v1/users/00000000-0000-4000-8000-000000000000/role-changes?cursor=${first.body.nextCursor}`, admin.token);
    expect(unknown.status).toBe(404);
  });

  it('an application’s decisions: oldest first, every entry once through ties, forged cursors refused, staff of the cohort only', async () => {
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const other = await createUser(t.api, admin.token, ['instructor']);
    const cohort = await createCohort(t.api, admin.token, fake, { instructorIds: [instructor.id] });
    await createCohort(t.api, admin.token, fake, { instructorIds: [other.id] });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const application = await apply(t.api, cohort.id, trainee.token);
    // 12 scores in one transaction (one time), 6 a microsecond apart, then a decision by the API.
    await t.dataSource.query(
      `INSERT INTO application_decision (application_id, actor_id, action, from_status, to_status, score, created_at)
       SELECT $1::uuid, $2::uuid, 'score', 'submitted', 'submitted', n, '2026-03-01T10:00:00.123456Z'::timestamptz FROM generate_series(1, 12) n
       UNION ALL
       SELECT $1::uuid, $2::uuid, 'score', 'submitted', 'submitted', 50 + n, '2026-03-01T10:00:00.123Z'::timestamptz + n * interval '1 microsecond' FROM generate_series(1, 6) n`,
      [application.id, instructor.id],
    );
    expect((await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'shortlist', reason: 'good fit' }, instructor.token)).status).toBe(200);
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM application_decision WHERE application_id = $1 ORDER BY created_at, id', [application.id]);
    expect(expected.length).toBe(20);

    const path = `/api/v1/applications/${application.id}/decisions`;
    for (const limit of [1, 5, 7]) {
      const seen = await walkPages<{ id: string }>(t.api, `${path}?limit=${limit}`, instructor.token);
      expect(seen.map((d) => d.id)).toEqual(expected.map((r) => r.id));
    }
    const whole = await t.api.get(path, instructor.token);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.items.map((d: { action: string }) => d.action).filter((a: string) => a !== 'score')).toEqual(['submit', 'shortlist']);

    await expectRefused(path, instructor.token);
    // Another cohort's instructor and the applicant do not read it, with or without a cursor.
    const cursor = (await t.api.get(`${path}?limit=2`, instructor.token)).body.nextCursor as string;
    expect((await t.api.get(`${path}?cursor=${cursor}`, other.token)).status).toBe(404);
    expect((await t.api.get(`${path}?cursor=${cursor}`, trainee.token)).status).toBe(403);
  });

  it('a cohort’s version moves: oldest first, every move once through ties, forged cursors refused', async () => {
    const cohort = await createCohort(t.api, admin.token, fake);
    await t.dataSource.query(
      `INSERT INTO cohort_version_move (cohort_id, course_id, from_version_id, to_version_id, from_version, to_version, reason, moved_by, enrollments_moved, trainees_notified, moved_at)
       SELECT $1::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), n, n + 1, 'tie ' || n, $2::uuid, 0, false, '2026-03-01T10:00:00.123456Z'::timestamptz FROM generate_series(1, 12) n
       UNION ALL
       SELECT $1::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), n, n + 1, 'micro ' || n, $2::uuid, 0, false, '2026-03-01T10:00:00.123Z'::timestamptz + n * interval '1 microsecond' FROM generate_series(1, 6) n`,
      [cohort.id, admin.id],
    );
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM cohort_version_move WHERE cohort_id = $1 ORDER BY moved_at, id', [cohort.id]);
    const path = `/api/v1/cohorts/${cohort.id}/version-moves`;
    for (const limit of [1, 5, 7]) {
      const seen = await walkPages<{ id: string }>(t.api, `${path}?limit=${limit}`, admin.token);
      expect(seen.map((m) => m.id)).toEqual(expected.map((r) => r.id));
    }
    await expectRefused(path, admin.token);
  });

  it('a fair’s slots: by start, every slot once through ties, an employer only their organisation’s, forged cursors refused', async () => {
    const [ours, theirs] = await Promise.all(['Slots org A', 'Slots org B'].map(async (name) => (await t.api.post('/api/v1/organisations', { name }, admin.token)).body.id as string));
    const employer = await createUser(t.api, admin.token, ['employer'], { organisationId: ours });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const cohort = await createCohort(t.api, admin.token, fake);
    const fair = await t.api.post('/api/v1/career-fairs', {
      name: 'Paged fair', startsAt: '2031-03-01T09:00:00.000Z', endsAt: '2031-03-01T17:00:00.000Z', place: 'Hall', organisationIds: [ours, theirs], cohortIds: [cohort.id],
    }, admin.token);
    expect([fair.status, fair.body.detail]).toEqual([201, undefined]);
    const path = `/api/v1/career-fairs/${fair.body.id}/slots`;
    // Both organisations: 12 slots at one time each, 6 a microsecond apart each, then one by the API.
    await t.dataSource.query(
      `INSERT INTO fair_slot (fair_id, organisation_id, starts_at, ends_at, created_by)
       SELECT $1::uuid, o, '2031-03-01T10:00:00.123456Z'::timestamptz, '2031-03-01T10:15:00Z'::timestamptz, $4::uuid FROM unnest(ARRAY[$2::uuid, $3::uuid]) o, generate_series(1, 12) n
       UNION ALL
       SELECT $1::uuid, o, '2031-03-01T10:00:00.123Z'::timestamptz + n * interval '1 microsecond', '2031-03-01T10:15:00Z'::timestamptz, $4::uuid FROM unnest(ARRAY[$2::uuid, $3::uuid]) o, generate_series(1, 6) n`,
      [fair.body.id, ours, theirs, employer.id],
    );
    expect((await t.api.post(path, { startsAt: '2031-03-01T09:30:00.000Z', endsAt: '2031-03-01T09:45:00.000Z' }, employer.token)).status).toBe(201);
    const all: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM fair_slot WHERE fair_id = $1 ORDER BY starts_at, id', [fair.body.id]);
    const own: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM fair_slot WHERE fair_id = $1 AND organisation_id = $2 ORDER BY starts_at, id', [fair.body.id, ours]);
    expect([all.length, own.length]).toEqual([37, 19]);
    for (const limit of [1, 5, 7]) {
      expect((await walkPages<{ id: string }>(t.api, `${path}?limit=${limit}`, admin.token)).map((s) => s.id)).toEqual(all.map((r) => r.id));
      expect((await walkPages<{ id: string; organisationId: string }>(t.api, `${path}?limit=${limit}`, employer.token)).map((s) => s.id)).toEqual(own.map((r) => r.id));
    }
    const first = await t.api.get(path, admin.token);
    expect([first.body.items.length, first.body.items[0].id]).toEqual([20, all[0].id]);
    await expectRefused(path, admin.token);
    await expectRefused(path, employer.token);
    // A trainee outside the fair's cohorts does not see it, with or without a cursor.
    expect((await t.api.get(`${path}?cursor=${first.body.nextCursor}`, trainee.token)).status).toBe(404);
  });

  it('a trainee’s own applications: newest first, every one once through ties, no one else’s, forged cursors refused', async () => {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const other = await createUser(t.api, admin.token, ['trainee']);
    const cohorts = await Promise.all(Array.from({ length: 10 }, () => createCohort(t.api, admin.token, fake)));
    // Six submitted at one time, three a microsecond apart, one by the API; the other trainee's too.
    await t.dataSource.query(
      `INSERT INTO application (cohort_id, trainee_id, course_version_id, statement, submitted_at)
       SELECT c.id, p, c.course_version_id, 'tie', CASE WHEN c.n <= 6 THEN '2026-03-01T10:00:00.123456Z'::timestamptz ELSE '2026-03-01T10:00:00.123Z'::timestamptz + c.n * interval '1 microsecond' END
         FROM (SELECT a.id, a.n, (SELECT course_version_id FROM cohort_course_version WHERE cohort_id = a.id LIMIT 1) AS course_version_id FROM unnest($1::uuid[]) WITH ORDINALITY a(id, n)) c, unnest(ARRAY[$2::uuid, $3::uuid]) p`,
      [cohorts.slice(0, 9).map((c) => c.id), trainee.id, other.id],
    );
    await apply(t.api, cohorts[9].id, trainee.token);
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM application WHERE trainee_id = $1 ORDER BY submitted_at DESC, id DESC', [trainee.id]);
    expect(expected).toHaveLength(10);
    const path = '/api/v1/me/applications';
    for (const limit of [1, 3, 4]) {
      expect((await walkPages<{ id: string }>(t.api, `${path}?limit=${limit}`, trainee.token)).map((a) => a.id)).toEqual(expected.map((r) => r.id));
    }
    expect((await t.api.get(path, trainee.token)).body.items[0].cohortId).toBe(cohorts[9].id);
    await expectRefused(path, trainee.token);
    // Trainees only: staff have no applications list of their own here.
    expect((await t.api.get(path, admin.token)).status).toBe(403);
  });
});
