import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { apply, createCohort } from './support/cohort-builders';

describe('cohort: course prerequisites on applying, accepting and enrolling', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  /** Two prerequisite courses (each with a running cohort) and a cohort of a course that needs both. */
  async function world() {
    const basics = fake.add({ ...outlineOf({ modules: [{ lessons: 1 }] }), courseTitle: 'Networking basics' });
    const linux = fake.add({ ...outlineOf({ modules: [{ lessons: 1 }] }), courseTitle: 'Linux basics' });
    const advanced = fake.add({ ...outlineOf({ modules: [{ lessons: 1 }] }), courseTitle: 'Threat hunting', prerequisiteCourseIds: [basics.courseId, linux.courseId] });
    const basicsCohort = await createCohort(t.api, admin.token, fake, { outlines: [basics], status: 'running' });
    const linuxCohort = await createCohort(t.api, admin.token, fake, { outlines: [linux], status: 'running' });
    const cohort = await createCohort(t.api, admin.token, fake, { outlines: [advanced] });
    return { basics, linux, advanced, basicsCohort, linuxCohort, cohort };
  }

  /** Enrolls the trainee in the cohort and marks the enrollment `status` (as the progress recompute would once every module is done). */
  async function finish(traineeId: string, cohortId: string, status: 'completed' | 'active' | 'withdrawn' = 'completed') {
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohortId}/enrollments`, { traineeId }, admin.token);
    expect(enrolled.status).toBe(201);
    await t.dataSource.query(`UPDATE enrollment SET status = $2, completed_at = CASE WHEN $2 = 'completed' THEN now() END WHERE id = $1`, [enrolled.body.id, status]);
  }

  it('refuses an application naming the courses not yet completed, and takes it once they all are', async () => {
    const w = await world();
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await finish(trainee.id, w.basicsCohort.id);
    // Enrolled in the other prerequisite but not finished: that is not completing it.
    await finish(trainee.id, w.linuxCohort.id, 'active');

    const refused = await t.api.post(`/api/v1/cohorts/${w.cohort.id}/applications`, { statement: 'Ready.' }, trainee.token);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toContain('prerequisites-not-met');
    expect(refused.body.detail).toContain('Linux basics');
    expect(refused.body.detail).not.toContain('Networking basics');
    expect(refused.body.missingCourses).toEqual([{ courseId: w.linux.courseId, code: w.linux.courseCode, title: 'Linux basics' }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM application WHERE trainee_id = $1 AND cohort_id = $2', [trainee.id, w.cohort.id])).toEqual([{ n: 0 }]);

    await t.dataSource.query(`UPDATE enrollment SET status = 'completed', completed_at = now() WHERE trainee_id = $1 AND cohort_id = $2`, [trainee.id, w.linuxCohort.id]);
    expect(await apply(t.api, w.cohort.id, trainee.token, { statement: 'Ready now.' })).toMatchObject({ status: 'submitted' });
  });

  it('shows each course’s prerequisites and whether the signed-in trainee meets them, in the list and the detail', async () => {
    const w = await world();
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await finish(trainee.id, w.basicsCohort.id);

    const detail = await t.api.get(`/api/v1/cohorts/${w.cohort.id}`, trainee.token);
    expect(detail.status).toBe(200);
    expect(detail.body.courses).toEqual([
      expect.objectContaining({
        versionId: w.advanced.versionId,
        prerequisitesMet: false,
        prerequisites: [
          { courseId: w.basics.courseId, code: w.basics.courseCode, title: 'Networking basics', met: true },
          { courseId: w.linux.courseId, code: w.linux.courseCode, title: 'Linux basics', met: false },
        ],
      }),
    ]);
    const list = await t.api.get('/api/v1/cohorts?status=accepting_applications&limit=100', trainee.token);
    expect(list.body.items.find((c: { id: string }) => c.id === w.cohort.id).courses[0]).toMatchObject({ prerequisitesMet: false, prerequisites: [{ met: true }, { met: false }] });

    await finish(trainee.id, w.linuxCohort.id);
    expect((await t.api.get(`/api/v1/cohorts/${w.cohort.id}`, trainee.token)).body.courses[0]).toMatchObject({ prerequisitesMet: true, prerequisites: [{ met: true }, { met: true }] });
    // A course without prerequisites is met by anyone.
    expect((await t.api.get(`/api/v1/cohorts/${w.basicsCohort.id}`, admin.token)).body.courses[0]).toMatchObject({ prerequisites: [], prerequisitesMet: true });
  });

  it('refuses staff accepting or enrolling a trainee who lacks a prerequisite, unless they override', async () => {
    const w = await world();
    const applicant = await createUser(t.api, admin.token, ['trainee']);
    await finish(applicant.id, w.basicsCohort.id);
    await finish(applicant.id, w.linuxCohort.id);
    const application = await apply(t.api, w.cohort.id, applicant.token);
    // The applicant met them when applying; what staff are refused is an enrollment of someone who does not now.
    await t.dataSource.query(`UPDATE enrollment SET status = 'withdrawn' WHERE trainee_id = $1 AND cohort_id = $2`, [applicant.id, w.linuxCohort.id]);

    const accept = await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'accept', reason: 'Strong' }, admin.token);
    expect(accept.status).toBe(422);
    expect(accept.body.type).toContain('prerequisites-not-met');
    expect(accept.body.detail).toContain('An admin can waive the prerequisites');
    expect(accept.body.detail).not.toContain('overridePrerequisites');
    expect(accept.body.missingCourses).toEqual([expect.objectContaining({ courseId: w.linux.courseId })]);
    expect(await t.dataSource.query('SELECT status FROM application WHERE id = $1', [application.id])).toEqual([{ status: 'submitted' }]);
    // The cohort's own instructor is staff, but only an admin waives prerequisites.
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.patch(`/api/v1/cohorts/${w.cohort.id}`, { instructorIds: [instructor.id] }, admin.token)).status).toBe(200);
    const byInstructor = await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'accept', reason: 'Equivalent experience', overridePrerequisites: true }, instructor.token);
    expect([byInstructor.status, byInstructor.body.detail]).toEqual([403, 'Only an admin can waive prerequisites.']);
    expect(byInstructor.headers.get('content-type')).toContain('application/problem+json');
    expect(await t.dataSource.query('SELECT status FROM application WHERE id = $1', [application.id])).toEqual([{ status: 'submitted' }]);
    // A decision other than accept enrolls nobody: the flag waives nothing there, so the instructor is not refused for it.
    const shortlisted = await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'shortlist', reason: 'Promising', overridePrerequisites: true }, instructor.token);
    expect([shortlisted.status, shortlisted.body.status]).toEqual([200, 'shortlisted']);
    const overridden = await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'accept', reason: 'Equivalent experience', overridePrerequisites: true }, admin.token);
    expect(overridden.status).toBe(200);
    expect(overridden.body.status).toBe('accepted');
    // The waiver is on the record: the decision's audit entry names the prerequisite waived.
    const trail = (await t.api.get(`/api/v1/applications/${application.id}/decisions`, admin.token)).body.items as Array<{ action: string; prerequisitesOverridden: string[] | null }>;
    expect(trail.find((d) => d.action === 'accept')).toMatchObject({ prerequisitesOverridden: [w.linux.courseId] });
    expect(trail.find((d) => d.action === 'submit')).toMatchObject({ prerequisitesOverridden: null });
    expect(trail.find((d) => d.action === 'shortlist')).toMatchObject({ prerequisitesOverridden: null });

    const stranger = await createUser(t.api, admin.token, ['trainee']);
    const direct = await t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: stranger.id }, admin.token);
    expect(direct.status).toBe(422);
    expect(direct.body.missingCourses.map((c: { courseId: string }) => c.courseId).sort()).toEqual([w.basics.courseId, w.linux.courseId].sort());
    // Direct enrollment, and so its waiver, is an admin's alone.
    expect((await t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: stranger.id, overridePrerequisites: true, overrideReason: 'Equivalent experience' }, instructor.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: stranger.id, overridePrerequisites: true, overrideReason: 'Equivalent experience' }, admin.token)).status).toBe(201);
    expect((await t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: stranger.id, overridePrerequisites: 'yes' }, admin.token)).status).toBe(400);
  });

  it('records a direct enrolment that waives prerequisites (who, when, which trainee, which courses) for the cohort’s staff to read', async () => {
    const w = await world();
    const instructor = await createUser(t.api, admin.token, ['instructor']);
    expect((await t.api.patch(`/api/v1/cohorts/${w.cohort.id}`, { instructorIds: [instructor.id] }, admin.token)).status).toBe(200);
    const [waived, ready] = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    await finish(waived.id, w.basicsCohort.id);
    for (const id of [w.basicsCohort.id, w.linuxCohort.id]) await finish(ready.id, id);
    const waivers = (token: string, query = '') => t.api.get(`/api/v1/cohorts/${w.cohort.id}/prerequisite-waivers${query}`, token);
    expect((await waivers(admin.token)).body).toEqual({ items: [], nextCursor: null });

    // A waiver says why: required (non-blank, at most 500 characters) with the flag, refused without it; nothing is enrolled.
    const enrol = (body: Record<string, unknown>) => t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: waived.id, ...body }, admin.token);
    for (const [body, field] of [
      [{ overridePrerequisites: true }, 'overrideReason'],
      [{ overridePrerequisites: true, overrideReason: ' \t\n ' }, 'overrideReason'],
      [{ overridePrerequisites: true, overrideReason: 'x'.repeat(501) }, 'overrideReason'],
      [{ overridePrerequisites: true, overrideReason: 42 }, 'overrideReason'],
      [{ overrideReason: 'Equivalent experience' }, 'overrideReason'],
      [{ overridePrerequisites: false, overrideReason: 'Equivalent experience' }, 'overrideReason'],
    ] as const) {
      const refused = await enrol(body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await t.dataSource.query(`SELECT id FROM enrollment WHERE trainee_id = $1 AND cohort_id = $2`, [waived.id, w.cohort.id])).toEqual([]);

    const before = Date.now();
    const enrolled = await enrol({ overridePrerequisites: true, overrideReason: '  Ran Linux servers for three years  ' });
    expect(enrolled.status).toBe(201);
    // The flag on a trainee who misses nothing waives nothing: no record.
    expect((await t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId: ready.id, overridePrerequisites: true, overrideReason: 'Ready anyway' }, admin.token)).status).toBe(201);

    const listed = await waivers(instructor.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      {
        id: expect.any(String), cohortId: w.cohort.id, enrollmentId: enrolled.body.id, courseVersionId: w.advanced.versionId,
        trainee: { id: waived.id, displayName: 'Test trainee' }, waivedBy: { id: admin.id, displayName: expect.any(String) },
        courses: [{ courseId: w.linux.courseId, code: w.linux.courseCode, title: 'Linux basics' }],
        reason: 'Ran Linux servers for three years', waivedAt: expect.any(String),
      },
    ]);
    expect(Date.parse(listed.body.items[0].waivedAt)).toBeGreaterThanOrEqual(before - 1000);

    // Staff of the cohort only: another instructor is told it is not there, a reviewer and a trainee are refused.
    const [stranger, reviewer] = [await createUser(t.api, admin.token, ['instructor']), await createUser(t.api, admin.token, ['reviewer'])];
    expect((await waivers(stranger.token)).status).toBe(404);
    expect((await waivers(reviewer.token)).status).toBe(403);
    expect((await waivers(waived.token)).status).toBe(403);
    expect((await waivers(admin.token, '?limit=0')).status).toBe(400);
    expect((await waivers(admin.token, '?cursor=not-a-cursor')).status).toBe(400);

    // Withdrawn, then enrolled again with the waiver: the same enrollment row, a second record.
    expect((await t.api.post(`/api/v1/enrollments/${enrolled.body.id}/withdraw`, { reason: 'Paused' }, admin.token)).status).toBe(200);
    const again = await enrol({ overridePrerequisites: true, overrideReason: 'Back after a pause; same experience' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(enrolled.body.id);
    expect((await waivers(admin.token)).body.items.map((i: { enrollmentId: string }) => i.enrollmentId)).toEqual([enrolled.body.id, enrolled.body.id]);

    // The trainee's own data export holds both (which courses, why, when), not who waived them; the other trainee's none.
    const exported = (await t.api.get('/api/v1/me/data-export', waived.token)).body.cohorts.prerequisiteWaivers;
    expect(exported).toEqual(['Ran Linux servers for three years', 'Back after a pause; same experience'].map((reason) => expect.objectContaining({ cohortId: w.cohort.id, enrollmentId: enrolled.body.id, reason, courses: [expect.objectContaining({ courseId: w.linux.courseId })] })));
    expect(JSON.stringify(exported)).not.toContain(admin.id);
    expect((await t.api.get('/api/v1/me/data-export', ready.token)).body.cohorts.prerequisiteWaivers).toEqual([]);

    // Pages walk every waiver once, also when two fall within one millisecond (microseconds apart).
    const [latest] = await t.dataSource.query(`SELECT max(created_at) AS at FROM prerequisite_waiver WHERE cohort_id = $1`, [w.cohort.id]);
    await t.dataSource.query(
      `INSERT INTO prerequisite_waiver (cohort_id, enrollment_id, trainee_id, course_version_id, actor_id, waived_courses, created_at)
       SELECT cohort_id, enrollment_id, trainee_id, course_version_id, actor_id, waived_courses, date_trunc('milliseconds', $2::timestamptz) + interval '1 second' + make_interval(secs => n / 1000000.0)
         FROM prerequisite_waiver, generate_series(100, 400, 100) AS n WHERE cohort_id = $1 LIMIT 4`,
      [w.cohort.id, latest.at],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await waivers(admin.token, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await t.dataSource.query(`SELECT id FROM prerequisite_waiver WHERE cohort_id = $1 ORDER BY created_at DESC, id DESC`, [w.cohort.id]);
    expect(all).toHaveLength(6);
    expect(seen).toEqual(all.map((r: { id: string }) => r.id));
    // Rows without a reason (as those recorded before it was asked for) list it as null.
    expect((await waivers(admin.token, '?limit=1')).body.items[0].reason).toBeNull();
  });

  it('counts a waiver reason in code points, as the table’s check does: 300 × "☺️" is 600 of them, a 400 with nothing written', async () => {
    const w = await world();
    const [a, b] = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    const enrol = (traineeId: string, overrideReason: string) => t.api.post(`/api/v1/cohorts/${w.cohort.id}/enrollments`, { traineeId, overridePrerequisites: true, overrideReason }, admin.token);
    const written = async () => (await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE cohort_id = $1) AS enrollments, (SELECT count(*)::int FROM prerequisite_waiver WHERE cohort_id = $1) AS waivers`,
      [w.cohort.id],
    ))[0];

    // class-validator's MaxLength counts 300 here (it leaves out the variation selectors U+FE0F); char_length counts 600.
    const refused = await enrol(a.id, '☺️'.repeat(300));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['overrideReason']);
    expect(await written()).toEqual({ enrollments: 0, waivers: 0 });

    // The limit itself, in plain characters and in emoji with selectors, is taken and kept whole.
    expect((await enrol(a.id, 'x'.repeat(500))).status).toBe(201);
    expect((await enrol(b.id, '☺️'.repeat(250))).status).toBe(201);
    const reasons = await t.dataSource.query('SELECT char_length(reason) AS n FROM prerequisite_waiver WHERE cohort_id = $1', [w.cohort.id]);
    expect(reasons).toEqual([{ n: 500 }, { n: 500 }]);
  });

  it('passes over a waitlisted applicant who lacks a prerequisite when a seat frees: they stay waitlisted, and the trail says why', async () => {
    const basics = fake.add({ ...outlineOf({ modules: [{ lessons: 1 }] }), courseTitle: 'Networking basics' });
    const advanced = fake.add({ ...outlineOf({ modules: [{ lessons: 1 }] }), courseTitle: 'Threat hunting', prerequisiteCourseIds: [basics.courseId] });
    const basicsCohort = await createCohort(t.api, admin.token, fake, { outlines: [basics], status: 'running' });
    const cohort = await createCohort(t.api, admin.token, fake, { outlines: [advanced], capacity: 1 });
    const [seated, lapsed, ready] = [await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee']), await createUser(t.api, admin.token, ['trainee'])];
    for (const trainee of [seated, lapsed, ready]) await finish(trainee.id, basicsCohort.id);
    const seat = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: seated.id }, admin.token);
    expect(seat.status).toBe(201);
    const waitlist = async (trainee: TestPerson) => {
      const application = await apply(t.api, cohort.id, trainee.token);
      expect((await t.api.post(`/api/v1/applications/${application.id}/decision`, { decision: 'waitlist', reason: 'Full' }, admin.token)).status).toBe(200);
      return application.id;
    };
    const [first, second] = [await waitlist(lapsed), await waitlist(ready)];
    // The first on the list no longer meets the prerequisite (their completion withdrawn, as staff may correct it).
    await t.dataSource.query(`UPDATE enrollment SET status = 'withdrawn' WHERE trainee_id = $1 AND cohort_id = $2`, [lapsed.id, basicsCohort.id]);

    const withdrawn = await t.api.post(`/api/v1/enrollments/${seat.body.id}/withdraw`, { reason: 'Moved away' }, admin.token);
    expect(withdrawn.status).toBe(200);
    const statuses = async () => Object.fromEntries(((await t.dataSource.query('SELECT id, status, waitlist_rank FROM application WHERE id = ANY($1)', [[first, second]])) as Array<{ id: string; status: string; waitlist_rank: number | null }>)
      .map((r) => [r.id === first ? 'first' : 'second', [r.status, r.waitlist_rank]]));
    expect(await statuses()).toEqual({ first: ['waitlisted', 1], second: ['accepted', null] });
    const enrolled = await t.dataSource.query(`SELECT trainee_id FROM enrollment WHERE cohort_id = $1 AND status <> 'withdrawn'`, [cohort.id]);
    expect(enrolled).toEqual([{ trainee_id: ready.id }]);
    const trail = (await t.api.get(`/api/v1/applications/${first}/decisions`, admin.token)).body.items as Array<{ action: string; fromStatus: string; toStatus: string; reason: string | null }>;
    // The missing courses as ids, not a sentence in one language: the web app words it for the reader.
    expect(trail.at(-1)).toMatchObject({ action: 'promotion-skipped', fromStatus: 'waitlisted', toStatus: 'waitlisted', reason: null, prerequisitesMissing: [basics.courseId] });

    // A second seat frees: the lapsed applicant is passed over again, but the trail already says so for the same course.
    const readyEnrollment = await t.dataSource.query(`SELECT id FROM enrollment WHERE cohort_id = $1 AND trainee_id = $2 AND status <> 'withdrawn'`, [cohort.id, ready.id]);
    expect((await t.api.post(`/api/v1/enrollments/${readyEnrollment[0].id}/withdraw`, { reason: 'Changed plans' }, admin.token)).status).toBe(200);
    expect((await statuses()).first).toEqual(['waitlisted', 1]);
    const skips = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM application_decision WHERE application_id = $1 AND action = 'promotion-skipped'`, [first]))[0].n;
    expect(await skips()).toBe(1);
  });
});
