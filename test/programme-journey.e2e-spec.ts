import { createLocalJWKSet, jwtVerify } from 'jose';
import { waitFor } from '@gds/testing';
import { exactHeadline } from './support/exact-report';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import {
  applyTo, buildProgramme, completeLessons, decide, openCohort, Programme, QUIZ_RIGHT, setStatus, SQL_RIGHT, submitGraded, waitForInboxTypes,
} from './support/journey-builders';
import { QUIZ_WRONG } from './support/assessment-builders';

/*
 * The whole programme over HTTP through the real modules and workers: no fakes, no overrides.
 * One story, told in steps that depend on each other.
 */
describe('programme journey: course to certificate to outcome report', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let reviewer: TestPerson;
  let trainees: TestPerson[];
  let programme: Programme;
  let cohort: { id: string; name: string };
  const enrollmentOf = new Map<string, string>();
  let certificate: any;

  beforeAll(async () => {
    t = await startTestApp({ env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '0', VERIFY_RATE_LIMIT: '100000' } });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    const profiles = [
      { displayName: 'Zanele Journeytrainee', gender: 'female', birthYear: 1996, district: 'Belize', employer: 'other' },
      { displayName: 'Tomas Journeytrainee', gender: 'male', birthYear: 1988, district: 'Cayo', employer: 'other' },
      { displayName: 'Ndapewa Journeytrainee', gender: 'non_binary', birthYear: 2001, district: 'Toledo', employer: 'other' },
    ];
    trainees = [];
    for (const profile of profiles) trainees.push(await createUser(t.api, admin.token, ['trainee'], profile));
  });
  afterAll(() => t?.close());

  it('an instructor builds and publishes a data-analysis course with a quiz and an SQL exercise', async () => {
    programme = await buildProgramme(t.api, instructor);
    const version = (await t.api.get(`/api/v1/courses/${programme.courseId}/versions/1`, instructor.token)).body;
    expect(version).toMatchObject({ version: 1 });
    expect(JSON.stringify(version)).toContain(programme.versionId);
  });

  it('the admin opens a cohort; three apply; the instructor accepts two and rejects one; the cohort runs', async () => {
    cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 5);
    const applications = [];
    for (const trainee of trainees) applications.push(await applyTo(t.api, cohort.id, trainee));
    await decide(t.api, instructor, applications[0], 'accept');
    await decide(t.api, instructor, applications[1], 'accept');
    await decide(t.api, instructor, applications[2], 'reject', 'not enough experience yet');
    await setStatus(t.api, admin, cohort.id, 'running');
    for (const trainee of trainees.slice(0, 2)) {
      const mine = (await t.api.get('/api/v1/me/enrollments', trainee.token)).body;
      const items = Array.isArray(mine) ? mine : mine.items;
      const enrollment = items.find((e: any) => e.cohortId === cohort.id);
      expect(enrollment).toBeDefined();
      enrollmentOf.set(trainee.id, enrollment.id);
    }
    const rejected = (await t.api.get('/api/v1/me/enrollments', trainees[2].token)).body;
    expect((Array.isArray(rejected) ? rejected : rejected.items).length).toBe(0);
  });

  it('trainee 1 completes every lesson, passes both assessments and is certified without anyone acting', async () => {
    const [one] = trainees;
    await completeLessons(t.api, one, programme.modules[0].lessonIds);
    const quiz = await submitGraded(t.api, one, programme.quizId, QUIZ_RIGHT);
    expect(quiz).toMatchObject({ passed: true });
    await completeLessons(t.api, one, programme.modules[1].lessonIds);
    const sql = await submitGraded(t.api, one, programme.sqlId, SQL_RIGHT);
    expect(sql).toMatchObject({ passed: true });
    certificate = await waitFor(async () => (await t.api.get('/api/v1/me/certificates', one.token)).body.items[0], { what: 'the certificate of trainee 1', timeoutMs: 60_000 });
    expect(certificate).toMatchObject({ holderName: 'Zanele Journeytrainee', track: 'data-analysis', status: 'valid', cohortId: cohort.id });
    expect([...certificate.skills].sort()).toEqual([...programme.skillCodes].sort());
    const enrollment = await waitFor(async () => {
      const answer = (await t.api.get(`/api/v1/enrollments/${enrollmentOf.get(one.id)}`, one.token)).body;
      return answer.status === 'completed' ? answer : null;
    }, { what: 'enrollment of trainee 1 completed', timeoutMs: 60_000 });
    expect(enrollment.status).toBe('completed');
  });

  it('anyone verifies the certificate by code, and its credential against the JWKS', async () => {
    const verified = await t.api.get(`/verify/${certificate.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, status: 'valid', holder: { name: 'Zanele Journeytrainee' }, achievement: { track: { code: 'data-analysis' } } });
    const credential = await t.api.get(`/api/v1/certificates/${certificate.id}/credential`, trainees[0].token);
    expect(credential.status).toBe(200);
    const jwks = (await t.api.get('/.well-known/jwks.json')).body;
    const { payload } = await jwtVerify(credential.body.jwt, createLocalJWKSet(jwks), { algorithms: ['RS256'] });
    expect(payload.type as string[]).toContain('OpenBadgeCredential'); // VC 2.0: the payload is the credential
  });

  it('trainee 2 does part of the course: module 1 lessons and a failed quiz', async () => {
    const two = trainees[1];
    await completeLessons(t.api, two, programme.modules[0].lessonIds);
    expect(await submitGraded(t.api, two, programme.quizId, QUIZ_WRONG)).toMatchObject({ passed: false });
    expect((await t.api.get('/api/v1/me/certificates', two.token)).body.items).toEqual([]);
  });

  it('notifications reached the inboxes: decisions, enrollment, grades, certificate', async () => {
    await waitForInboxTypes(t.api, trainees[0], ['application-decided', 'enrolled', 'submission-graded', 'certificate-issued']);
    await waitForInboxTypes(t.api, trainees[1], ['application-decided', 'enrolled', 'submission-graded']);
    const rejected = await waitForInboxTypes(t.api, trainees[2], ['application-decided']);
    expect(rejected.map((i: any) => i.type)).not.toContain('enrolled');
  });

  it('the reviewer reads the outcome report: the funnel and pass rates, and nothing that names a trainee', async () => {
    const answer = await t.api.get(`/api/v1/reports/cohorts/${cohort.id}/outcomes`, reviewer.token);
    expect(answer.status).toBe(200);
    const report = answer.body;
    // Two trainees are fewer than k (5): the report publishes the cohort's sizes and withholds its outcomes.
    expect(report).toMatchObject({ applicants: 3, accepted: 2, funnel: { applied: 3, accepted: 2, enrolled: 2, completed: null, certified: null } });
    expect(report.overall).toMatchObject({ enrolled: 2, active: null, completed: null, certified: null, completionRate: null, weeklyActiveTrainees: null, meanCourseScore: null });
    expect(report.overall.suppressed).toContainEqual({ metric: 'completed', reason: 'fewer-than-k-trainees' });
    expect(report.overall.assessments.every((a: any) => a.attempted === null && a.passed === null)).toBe(true);
    expect(Object.values<any>(report.disaggregation).every((table) => table.withheld?.reason === 'fewer-than-k-trainees' && table.rows.length === 0)).toBe(true);
    expect(report.tracks.map((x: any) => x.trackCode)).toEqual(['data-analysis']);
    expect(report.courses[0]).toMatchObject({ versionId: programme.versionId, courseTitle: 'Data Analysis with SQL' });
    // The exact figures behind it, gathered through the same ports, are what happened.
    const exact = await exactHeadline(t, cohort.id);
    expect(exact.funnel).toEqual({ applied: 3, accepted: 2, enrolled: 2, completed: 1, certified: 1 });
    expect(exact.overall).toMatchObject({ enrolled: 2, active: 1, completed: 1, certified: 1, completionRate: 0.5, weeklyActiveTrainees: 2, meanCourseScore: 50 });
    const byId = new Map(exact.overall.assessments.map((a) => [a.assessmentId, a]));
    expect(byId.get(programme.quizId)).toMatchObject({ attempted: 2, passed: 1 });
    expect(byId.get(programme.sqlId)).toMatchObject({ attempted: 1, passed: 1 });
    const skills = new Map(exact.overall.skills.map((s) => [s.skillCode, s]));
    expect(skills.get(programme.skillCodes[0])).toMatchObject({ trainees: 2, attained: 1 });
    expect(skills.get(programme.skillCodes[1])).toMatchObject({ trainees: 2, attained: 1 });
    for (const person of trainees) {
      for (const secret of [person.id, person.email, 'Journeytrainee', enrollmentOf.get(person.id) ?? person.id]) expect(answer.text).not.toContain(secret);
    }
    const csv = await t.api.get(`/api/v1/reports/cohorts/${cohort.id}/outcomes?format=csv`, reviewer.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('section,group,metric,value');
    expect(csv.text).not.toContain('Journeytrainee');
    const link = (await t.api.post(`/api/v1/reports/cohorts/${cohort.id}/dashboard-link`, undefined, reviewer.token)).body;
    const page = await t.api.get(link.url.replace(t.config.PUBLIC_BASE_URL, ''));
    expect(page.status).toBe(200);
    expect(page.text).toContain(cohort.name);
    expect(page.text).toContain('<svg');
    expect(page.text).not.toContain('Journeytrainee');
  });
});
