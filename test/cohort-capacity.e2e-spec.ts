import { randomUUID } from 'node:crypto';
import { QueueRegistry } from '@gds/queue';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { apply, createCohort, outboxRows } from './support/cohort-builders';

describe('cohort: capacity, waitlist, direct enrollment', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { DATABASE_POOL_SIZE: '20' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  it('never exceeds capacity: 200 concurrent accepts at 50 seats enroll exactly 50, the rest answer 409', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 50 });
    // 200 applicants written straight to the database: the race under test is the accepts.
    const applicationIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const userId = randomUUID();
      await t.dataSource.query(`INSERT INTO app_user (id, email, display_name, roles) VALUES ($1, $2, 'Racer', '{trainee}')`, [userId, `racer-${userId}@example.test`]);
      const [row] = await t.dataSource.query(
        'INSERT INTO application (cohort_id, trainee_id, course_version_id, statement) VALUES ($1, $2, $3, $4) RETURNING id',
        [cohort.id, userId, cohort.outline.versionId, 'Let me in'],
      );
      applicationIds.push(row.id);
    }
    // A 503 (no pool connection within its timeout on a loaded machine) tells the client to retry; the
    // invariant is about what the accepts finally answer and what the database holds.
    const accept = async (id: string) => {
      for (let attempt = 0; ; attempt++) {
        const answer = await t.api.post(`/api/v1/applications/${id}/decision`, { decision: 'accept', reason: 'race' }, admin.token);
        if (answer.status !== 503 || attempt >= 5) return answer;
      }
    };
    const answers = await Promise.all(applicationIds.map(accept));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    expect(answers.filter((a) => a.status === 409).every((a) => String(a.body.type).endsWith('/cohort-full'))).toBe(true);
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT seats_taken FROM cohort WHERE id = $1) AS seats,
              (SELECT count(*)::int FROM enrollment WHERE cohort_id = $1 AND status = 'active') AS enrolled,
              (SELECT count(*)::int FROM application WHERE cohort_id = $1 AND status = 'accepted') AS accepted`,
      [cohort.id],
    );
    expect(counts).toEqual({ seats: 50, enrolled: 50, accepted: 50 });
  });

  it('registers no job schedulers in an api-only process', async () => {
    expect(await t.get<QueueRegistry>(QueueRegistry).get('maintenance').getJobSchedulers()).toEqual([]);
  });

  it('backs capacity with a database constraint as well', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 1 });
    await expect(t.dataSource.query('UPDATE cohort SET seats_taken = 2 WHERE id = $1', [cohort.id])).rejects.toThrow(/cohort_seats_within_capacity/);
  });

  it('promotes the top of the waitlist when an enrolled trainee withdraws, and tells them', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 2 });
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createUser(t.api, admin.token, ['trainee'])));
    const apps = [];
    for (const p of [a, b, c, d]) apps.push(await apply(t.api, cohort.id, p.token));
    const decide = (id: string, body: object) => t.api.post(`/api/v1/applications/${id}/decision`, body, admin.token);
    const enrollA = (await decide(apps[0].id, { decision: 'accept', reason: 'r' })).body.enrollmentId;
    const enrollB = (await decide(apps[1].id, { decision: 'accept', reason: 'r' })).body.enrollmentId;
    expect((await decide(apps[2].id, { decision: 'waitlist', reason: 'reserve' })).body.waitlistRank).toBe(1);
    expect((await decide(apps[3].id, { decision: 'waitlist', reason: 'best reserve', rank: 1 })).body.waitlistRank).toBe(1);
    expect((await decide(apps[2].id, { decision: 'waitlist', reason: 're-rank', rank: 2 })).body.waitlistRank).toBe(2);

    expect((await t.api.get(`/api/v1/enrollments/${enrollA}`, b.token)).status).toBe(404);
    expect((await t.api.post(`/api/v1/enrollments/${enrollA}/withdraw`, {}, b.token)).status).toBe(404);
    const withdrawn = await t.api.post(`/api/v1/enrollments/${enrollA}/withdraw`, { reason: 'new job' }, a.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'new job', promotedEnrollmentId: expect.any(String) });
    expect((await t.api.get(`/api/v1/applications/${apps[3].id}`, d.token)).body).toMatchObject({ status: 'accepted', waitlistRank: null });
    expect((await t.api.get(`/api/v1/enrollments/${withdrawn.body.promotedEnrollmentId}`, d.token)).body).toMatchObject({ traineeId: d.id, status: 'active', source: 'waitlist' });
    const promoted = (await outboxRows(t.dataSource, 'notify', 'promoted-from-waitlist')).filter((r) => r.payload.data.cohortId === cohort.id);
    expect(promoted).toHaveLength(1);
    expect(promoted[0].payload).toMatchObject({ recipientIds: [d.id], eventKey: `promoted:${apps[3].id}` });
    const trail = (await t.api.get(`/api/v1/applications/${apps[3].id}/decisions`, admin.token)).body.items;
    expect(trail[trail.length - 1]).toMatchObject({ action: 'promote', fromStatus: 'waitlisted', toStatus: 'accepted' });

    expect((await t.api.post(`/api/v1/enrollments/${enrollA}/withdraw`, {}, a.token)).status).toBe(422);
    expect((await t.api.post(`/api/v1/enrollments/${enrollB}/withdraw`, {}, admin.token)).body.promotedEnrollmentId).toEqual(expect.any(String));
    expect((await t.api.get(`/api/v1/applications/${apps[2].id}`, c.token)).body.status).toBe('accepted');
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(2);
  });

  it('frees the seat without promotion when nobody waits', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 1 });
    const a = await createUser(t.api, admin.token, ['trainee']);
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: a.id }, admin.token);
    const out = await t.api.post(`/api/v1/enrollments/${enrolled.body.id}/withdraw`, {}, a.token);
    expect(out.body.promotedEnrollmentId).toBeNull();
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.seatsTaken).toBe(0);
    const again = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: a.id }, admin.token);
    expect(again.body).toMatchObject({ id: enrolled.body.id, status: 'active', source: 'admin' });
  });

  it('enrolls directly (admins only), refusing non-trainees, doubles and a full cohort', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { capacity: 1, status: 'planned' });
    const [a, b] = await Promise.all([1, 2].map(() => createUser(t.api, admin.token, ['trainee'])));
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    const enroll = (traineeId: string, token = admin.token) => t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId }, token);
    expect((await enroll(a.id, instructor.token)).status).toBe(403);
    expect((await enroll(instructor.id)).body.type).toContain('not-a-trainee');
    expect((await enroll('not-a-uuid')).status).toBe(400);
    const ok = await enroll(a.id);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'active', source: 'admin', traineeId: a.id });
    expect((await enroll(a.id)).body.type).toContain('already-enrolled');
    expect((await enroll(b.id)).body.type).toContain('cohort-full');
    const told = (await outboxRows(t.dataSource, 'notify', 'enrolled')).filter((r) => r.payload.data.enrollmentId === ok.body.id);
    expect(told[0].payload.recipientIds).toEqual([a.id]);
    expect((await outboxRows(t.dataSource, 'recompute-progress')).some((r) => r.payload.enrollmentId === ok.body.id)).toBe(true);
    await t.api.post(`/api/v1/cohorts/${cohort.id}/status`, { status: 'archived' }, admin.token);
    expect((await enroll(b.id)).status).toBe(422);
  });
});
