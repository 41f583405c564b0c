import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { cohortBody, createCohort } from './support/cohort-builders';

describe('cohort: creation, validation, lifecycle, visibility', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t.close());

  it('creates a planned cohort of published versions with schedule, instructors and questions', async () => {
    const track1 = fake.add(outlineOf({ modules: [{ lessons: 1 }, { lessons: 1 }] }));
    const track2 = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const body = { ...cohortBody([track1, track2], { offsets: { 1: 14 }, instructorIds: [instructor.id] }), questions: [{ prompt: 'Why?' }, { prompt: 'Laptop?', required: false }] };
    const created = await t.api.post('/api/v1/cohorts', body, admin.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'planned', capacity: 50, seatsTaken: 0, unlockMode: 'schedule', instructorIds: [instructor.id],
      schedule: [{ moduleId: track1.modules[1].moduleId, offsetDays: 14 }],
      questions: [{ id: 'q1', prompt: 'Why?', required: true }, { id: 'q2', prompt: 'Laptop?', required: false }],
    });
    expect(created.body.courseVersionIds.sort()).toEqual([track1.versionId, track2.versionId].sort());
    // Applicants choose among the cohort's courses by title (the web app's apply screen).
    expect(created.body.courses).toEqual(
      [track1, track2]
        .map((o) => ({ versionId: o.versionId, courseId: o.courseId, code: o.courseCode, title: o.courseTitle, trackCode: o.trackCode, version: o.version, prerequisites: [], prerequisitesMet: true }))
        .sort((a, b) => a.title.localeCompare(b.title) || a.versionId.localeCompare(b.versionId)),
    );
    expect((await t.api.get(`/api/v1/cohorts/${created.body.id}`, admin.token)).body.id).toBe(created.body.id);
  });

  it('refuses unpublished versions, strange modules, bad dates, non-instructors and unknown fields, storing nothing', async () => {
    const outline = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const base = cohortBody([outline]);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ ...base, courseVersionIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'unknown-course-version'],
      [{ ...base, schedule: [{ moduleId: '00000000-0000-4000-8000-000000000001', offsetDays: 3 }] }, 422, 'unknown-module'],
      [{ ...base, endsAt: base.startsAt }, 422, 'invalid-dates'],
      [{ ...base, applicationsCloseAt: base.applicationsOpenAt }, 422, 'invalid-dates'],
      [{ ...base, instructorIds: [trainee.id] }, 422, 'not-an-instructor'],
      [{ ...base, capacity: 0 }, 400, 'validation'],
      [{ ...base, courseVersionIds: [] }, 400, 'validation'],
      [{ ...base, unlockMode: 'whenever' }, 400, 'validation'],
      [{ ...base, startsAt: 'tomorrow' }, 400, 'validation'],
      [{ ...base, seatsTaken: 3 }, 400, 'validation'],
    ];
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM cohort');
    for (const [body, status, slug] of cases) {
      const answer = await t.api.post('/api/v1/cohorts', body, admin.token);
      expect({ status: answer.status, type: answer.body.type }).toEqual({ status, type: expect.stringContaining(slug) });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM cohort')).toEqual(before);
  });

  it('lets only admins create and change cohorts', async () => {
    const outline = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    for (const person of [instructor, reviewer, trainee]) {
      expect((await t.api.post('/api/v1/cohorts', cohortBody([outline]), person.token)).status).toBe(403);
    }
    expect((await t.api.post('/api/v1/cohorts', cohortBody([outline]))).status).toBe(401);
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'planned' });
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/status`, { status: 'accepting_applications' }, instructor.token)).status).toBe(403);
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { capacity: 10 }, reviewer.token)).status).toBe(403);
  });

  it('allows only the legal lifecycle moves', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'planned' });
    const move = (status: string) => t.api.post(`/api/v1/cohorts/${cohort.id}/status`, { status }, admin.token);
    expect((await move('completed')).status).toBe(422);
    expect((await move('planned')).status).toBe(422);
    expect((await move('accepting_applications')).body.status).toBe('accepting_applications');
    expect((await move('planned')).body.type).toContain('illegal-transition');
    // Not while applications are still open (issue 22, defect 5): they close first, then it starts.
    const early = await move('running');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ type: expect.stringMatching(/applications-still-open$/), applicationsCloseAt: cohort.body.applicationsCloseAt });
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}`, admin.token)).body.status).toBe('accepting_applications');
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { applicationsCloseAt: new Date().toISOString() }, admin.token)).status).toBe(200);
    expect((await move('running')).body.status).toBe('running');
    expect((await move('accepting_applications')).status).toBe(422);
    expect((await move('archived')).status).toBe(422);
    expect((await move('completed')).body.status).toBe('completed');
    expect((await move('running')).status).toBe(422);
    expect((await move('archived')).body.status).toBe('archived');
    for (const status of ['planned', 'accepting_applications', 'running', 'completed']) expect((await move(status)).status).toBe(422);
    expect((await move('finished')).status).toBe(400);
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { name: 'New name' }, admin.token)).status).toBe(422);
  });

  it('updates name, capacity and instructors, never capacity below the seats taken', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', capacity: 3 });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { capacity: 0 }, admin.token)).status).toBe(400);
    const shrink = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { capacity: 1, name: 'Pilot', instructorIds: [instructor.id] }, admin.token);
    expect(shrink.body).toMatchObject({ capacity: 1, name: 'Pilot', instructorIds: [instructor.id], seatsTaken: 1 });
    const other = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: other.id }, admin.token)).status).toBe(409);
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { capacity: 2 }, admin.token)).status).toBe(200);
    const noInstructor = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { instructorIds: [trainee.id] }, admin.token);
    expect(noInstructor.status).toBe(422);
  });

  it('shows trainees open cohorts and their own; instructors theirs; reviewers all', async () => {
    const open = await createCohort(t.api, admin.token, fake, { status: 'accepting_applications' });
    const planned = await createCohort(t.api, admin.token, fake, { status: 'planned', instructorIds: [instructor.id] });
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const otherInstructor = await createUser(t.api, admin.token, ['instructor']);
    const ids = async (token: string) => (await t.api.get('/api/v1/cohorts?limit=100', token)).body.items.map((c: { id: string }) => c.id);
    expect(await ids(trainee.token)).toContain(open.id);
    expect(await ids(trainee.token)).not.toContain(planned.id);
    expect((await t.api.get(`/api/v1/cohorts/${planned.id}`, trainee.token)).status).toBe(404);
    expect(await ids(instructor.token)).toContain(planned.id);
    expect(await ids(otherInstructor.token)).not.toContain(planned.id);
    expect((await t.api.get(`/api/v1/cohorts/${planned.id}`, otherInstructor.token)).status).toBe(404);
    expect(await ids(reviewer.token)).toEqual(expect.arrayContaining([open.id, planned.id]));
    expect((await t.api.get('/api/v1/cohorts?status=planned&limit=100', admin.token)).body.items.every((c: { status: string }) => c.status === 'planned')).toBe(true);
    expect((await t.api.get('/api/v1/cohorts/not-a-uuid', admin.token)).status).toBe(404);
    expect((await t.api.get('/api/v1/cohorts?cursor=zzz', admin.token)).status).toBe(400);
  });

  it('pages cohorts with a cursor', async () => {
    for (let i = 0; i < 3; i++) await createCohort(t.api, admin.token, fake, { status: 'planned' });
    const first = await t.api.get('/api/v1/cohorts?limit=2', admin.token);
    expect(first.body.items).toHaveLength(2);
    const second = await t.api.get(`/api/v1/cohorts?limit=2&cursor=${first.body.nextCursor}`, admin.token);
    expect(second.body.items.map((c: { id: string }) => c.id)).not.toContain(first.body.items[0].id);
  });

  it('pages by a cursor at the full precision of the start time: cohorts starting within one millisecond are each seen once', async () => {
    const teacher = await createUser(t.api, admin.token, ['instructor']);
    const made: string[] = [];
    for (let i = 0; i < 4; i++) made.push((await createCohort(t.api, admin.token, fake, { status: 'planned', instructorIds: [teacher.id] })).id);
    await t.dataSource.query(
      `UPDATE cohort SET starts_at = '2027-03-01T09:00:00.123Z'::timestamptz + (array_position($1::uuid[], id) * interval '1 microsecond') WHERE id = ANY($1::uuid[])`,
      [made],
    );
    const expected: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM cohort WHERE id = ANY($1::uuid[]) ORDER BY starts_at DESC, id DESC', [made]);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null && seen.length <= made.length) {
      const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.api.get(`/api/v1/cohorts?limit=1${cursor ? `&cursor=${cursor}` : ''}`, teacher.token);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.id));
    const forged = (position: object) => Buffer.from(JSON.stringify(position)).toString('base64url');
    for (const bad of [{ startsAt: 'yesterday', id: made[0] }, { startsAt: '2027-03-01T09:00:00.123401Z', id: 'x' }]) {
      const answer = await t.api.get(`/api/v1/cohorts?cursor=${forged(bad)}`, teacher.token);
      expect([answer.status, answer.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    }
  });
});
