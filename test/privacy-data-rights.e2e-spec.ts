import { DEFAULT_TIME_ZONE, localDate } from '@gds/time';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { applyTo, buildProgramme, completeLessons, decide, openCohort, Programme, QUIZ_RIGHT, setStatus, SQL_RIGHT, submitGraded } from './support/journey-builders';
import { QUIZ_WRONG } from './support/assessment-builders';

/** Every published report of the programme, as a reviewer reads it, without the time it was computed. */
async function allReports(t: TestApp, reviewer: TestPerson, cohortId: string) {
  const cohort = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
  const csv = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes?format=csv`, reviewer.token)).text;
  const across = (await t.api.get('/api/v1/reports/outcomes', reviewer.token)).body;
  const page = (await t.api.get(`/dashboards/cohorts/${cohortId}`, reviewer.token)).text;
  const certificates = (await t.api.get(`/api/v1/cohorts/${cohortId}/certificates`, reviewer.token)).body;
  return {
    cohort: { ...cohort, asOf: undefined },
    csv: csv.replace(/^report,[^\r]*,asOf,[^\r]*\r\n/m, ''),
    across: { ...across, asOf: undefined },
    page: page.replace(/<time[^>]*>[^<]*<\/time>/, ''),
    certificates,
  };
}

describe('data rights: export and erasure on request', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let reviewer: TestPerson;
  let programme: Programme;
  let cohortId: string;
  const trainees: TestPerson[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    programme = await buildProgramme(t.api, instructor);
    const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 20);
    cohortId = cohort.id;
    for (let i = 0; i < 7; i++) {
      const trainee = await createUser(t.api, admin.token, ['trainee'], { gender: i % 2 ? 'female' : 'male', birthYear: 1990 + i, district: i < 4 ? 'Belize' : 'Cayo', employer: 'other' });
      trainees.push(trainee);
      await decide(t.api, instructor, await applyTo(t.api, cohortId, trainee), 'accept');
    }
    await setStatus(t.api, admin, cohortId, 'running');
    const lessons = programme.modules.flatMap((m) => m.lessonIds);
    // trainees[0] finishes and is certified; the others are at different stages.
    await completeLessons(t.api, trainees[0], lessons);
    await submitGraded(t.api, trainees[0], programme.quizId, QUIZ_RIGHT);
    await submitGraded(t.api, trainees[0], programme.sqlId, SQL_RIGHT);
    for (const [i, trainee] of trainees.slice(1).entries()) {
      await completeLessons(t.api, trainee, lessons.slice(0, i % 3));
      if (i % 2) await submitGraded(t.api, trainee, programme.quizId, i % 4 === 1 ? QUIZ_RIGHT : QUIZ_WRONG);
    }
    await waitFor(async () => (await t.api.get('/api/v1/me/certificates', trainees[0].token)).body.items?.length > 0 || (await t.api.get('/api/v1/me/certificates', trainees[0].token)).body.length > 0, {
      what: 'the certificate of the trainee who finished',
      timeoutMs: 60_000,
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('answers a trainee everything held about them, from every module', async () => {
    const answer = await t.api.get('/api/v1/me/data-export', trainees[0].token);
    expect(answer.status).toBe(200);
    const data = answer.body;
    expect(data.identity.profile).toMatchObject({ id: trainees[0].id, email: trainees[0].email, gender: 'male', district: 'Belize' });
    expect(data.identity.profile).not.toHaveProperty('passwordHash');
    expect(data.identity.consents).toEqual([expect.objectContaining({ version: 1, withdrawnAt: null })]);
    expect(data.cohorts.applications).toEqual([expect.objectContaining({ cohortId, status: 'accepted', statement: expect.any(String) })]);
    expect(data.cohorts.enrollments).toEqual([expect.objectContaining({ cohortId })]);
    expect(data.cohorts.lessonCompletions).toHaveLength(4);
    expect(data.assessments.submissions.map((s: { kind: string }) => s.kind).sort()).toEqual(['quiz', 'sql']);
    expect(data.assessments.grades.length).toBeGreaterThanOrEqual(2);
    expect(data.certificates.certificates).toEqual([expect.objectContaining({ courseTitle: expect.any(String), verificationCode: expect.any(String) })]);
    expect(data.notifications.notifications.length).toBeGreaterThan(0);
    expect(data.placements.placements).toEqual([]);
    // Nobody else's data: another trainee's export holds none of this one's ids.
    const other = (await t.api.get('/api/v1/me/data-export', trainees[1].token)).text;
    expect(other).not.toContain(trainees[0].id);
    expect((await t.api.get('/api/v1/me/data-export')).status).toBe(401);
  });

  it('erases a trainee on request: pseudonymised, audited, every report unchanged, the certificate verifiable as withdrawn', async () => {
    const target = trainees[0];
    await t.api.post(`/api/v1/cohorts/${cohortId}/placements`, { traineeId: target.id, kind: 'new_role', role: 'Data analyst', employer: 'Jaguar BPO', startsOn: localDate(new Date(), DEFAULT_TIME_ZONE), source: 'employer_confirmed' }, admin.token);
    const before = await allReports(t, reviewer, cohortId);
    expect(before.cohort.overall.enrolled).toBe(7);
    const code = (await t.api.get('/api/v1/me/data-export', target.token)).body.certificates.certificates[0].verificationCode;
    // A waiver of prerequisites with staff's reason, as a direct enrolment records it.
    await t.dataSource.query(
      `INSERT INTO prerequisite_waiver (cohort_id, enrollment_id, trainee_id, course_version_id, actor_id, waived_courses, reason)
         SELECT cohort_id, id, trainee_id, course_version_id, $2, '["Intro"]', 'Worked as a data clerk for 3 years' FROM enrollment WHERE trainee_id = $1`,
      [target.id, admin.id],
    );

    const erased = await t.api.post(`/api/v1/users/${target.id}/erasure`, { reason: 'Request by email, ticket 42' }, admin.token);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ userId: target.id, erasedAt: expect.any(String) });

    expect(await allReports(t, reviewer, cohortId)).toEqual(before);
    const user = (await t.api.get(`/api/v1/users/${target.id}`, admin.token)).body;
    expect(user).toMatchObject({ displayName: 'Erased trainee', active: false });
    expect(user.email).toMatch(/@erased\.invalid$/);
    const rows = await t.dataSource.query('SELECT a.statement, s.answer FROM application a JOIN submission s ON s.trainee_id = a.trainee_id WHERE a.trainee_id = $1', [target.id]);
    expect(rows.every((r: { statement: string; answer: unknown }) => r.statement === '' && JSON.stringify(r.answer) === '{"erased":true}')).toBe(true);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM notification_delivery WHERE recipient_id = $1', [target.id]))[0].n).toBe(0);
    // The waiver stays (it was made), its free-text reason about the trainee does not.
    expect(await t.dataSource.query('SELECT reason FROM prerequisite_waiver WHERE trainee_id = $1', [target.id])).toEqual([{ reason: null }]);
    expect(await t.dataSource.query('SELECT actor_id, reason FROM user_erasure WHERE user_id = $1', [target.id])).toEqual([{ actor_id: admin.id, reason: 'Request by email, ticket 42' }]);
    // Signing in is over; the certificate still verifies, without the holder's name.
    expect((await t.api.post('/api/v1/auth/login', { email: target.email, password: target.password })).status).toBe(401);
    const verified = await t.api.get(`/verify/${code}`);
    expect(verified.status).toBe(200);
    expect(JSON.stringify(verified.body)).toContain('holder withdrew personal data');
    expect(verified.text).not.toContain('Test trainee');
    expect((await t.api.post(`/api/v1/users/${target.id}/erasure`, { reason: 'again' }, admin.token)).status).toBe(409);
  });

  it('refuses staff, the last admin, strangers and bad bodies, and changes nothing', async () => {
    const fingerprint = async () => JSON.stringify(await t.dataSource.query('SELECT id, email, display_name, active, roles FROM app_user ORDER BY id'));
    const start = await fingerprint();
    const notTrainee = await t.api.post(`/api/v1/users/${instructor.id}/erasure`, { reason: 'asked' }, admin.token);
    expect(notTrainee.status).toBe(422);
    expect(notTrainee.body.type).toMatch(/not-a-trainee$/);
    expect((await t.api.post(`/api/v1/users/${trainees[1].id}/erasure`, { reason: 'asked' }, trainees[2].token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/users/${trainees[1].id}/erasure`, { reason: 'asked' }, reviewer.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/users/00000000-0000-4000-8000-000000000000/erasure`, { reason: 'asked' }, admin.token)).status).toBe(404);
    for (const bad of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x', extra: 1 }, { reason: 'x'.repeat(501) }]) {
      expect((await t.api.post(`/api/v1/users/${trainees[1].id}/erasure`, bad, admin.token)).status).toBe(400);
    }
    expect(await fingerprint()).toBe(start);
    // An admin who is also a trainee, and the only admin left, cannot erase themself.
    const soleAdmin = await createUser(t.api, admin.token, ['admin', 'trainee']);
    expect((await t.api.patch(`/api/v1/users/${admin.id}/roles`, { roles: ['trainee'] }, soleAdmin.token)).status).toBe(200);
    const last = await t.api.post(`/api/v1/users/${soleAdmin.id}/erasure`, { reason: 'my own request' }, soleAdmin.token);
    expect(last.status).toBe(422);
    expect(last.body.type).toMatch(/last-admin$/);
    expect((await t.api.get(`/api/v1/users/${soleAdmin.id}`, soleAdmin.token)).body.active).toBe(true);
  });
});
