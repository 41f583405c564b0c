import { HttpClient, waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { buildWorld, MatrixWorld } from './support/authz-world';
import { QUIZ_RIGHT } from './support/assessment-builders';

/**
 * Issue 19, search follows the truth: the skills and certified courses employers filter by change
 * when the trainee's evidence does (a certificate revoked, a pass stored, a certificate issued),
 * without the trainee saving the profile again. Over the real app with a worker; the world gives
 * trainee A a listed profile with a certificate and a passed quiz (CYB-SOC-01, CYB-IAM-01); B is
 * enrolled in the same cohort and has done nothing yet.
 */
describe('talent search follows the evidence', () => {
  let t: TestApp;
  let w: MatrixWorld;
  let api: HttpClient;
  let courseCode: string;
  const ids = async (query: string): Promise<string[]> =>
    ((await api.get(`/api/v1/talent/profiles?${query}`, w.people.employer.token)).body.items as Array<{ traineeId: string }>).map((i) => i.traineeId).sort();

  beforeAll(async () => {
    t = await startTestApp();
    api = t.api;
    w = await buildWorld(api);
    courseCode = (await api.get('/api/v1/me/talent-profile', w.people.traineeA.token)).body.certificates[0].courseCode;
  });
  afterAll(() => t?.close());

  it('a trainee listed before passing is found by the skills and the certificate the pass earns, without saving again', async () => {
    const B = w.people.traineeB.id;
    const listed = await api.put('/api/v1/me/talent-profile', { statement: 'Analyst.', availability: 'within_3_months', preferredRoles: [] }, w.people.traineeB.token);
    expect(listed.status).toBe(200);
    expect(await ids('skillsAll=CYB-SOC-01')).not.toContain(B);
    expect(await ids(`certification=${courseCode}`)).not.toContain(B);
    expect((await api.post(`/api/v1/lessons/${w.objects.get('lessonId')}/complete`, undefined, w.people.traineeB.token)).status).toBeLessThan(300);
    const submitted = await api.post(`/api/v1/assessments/${w.objects.get('assessmentId')}/submissions`, { answer: QUIZ_RIGHT }, w.people.traineeB.token);
    expect(submitted.status).toBe(202);
    await waitFor(async () => (await ids('skillsAll=CYB-SOC-01,CYB-IAM-01')).includes(B), { what: "B's passed quiz in search", timeoutMs: 60_000 });
    await waitFor(async () => (await ids(`certification=${courseCode}`)).includes(B), { what: "B's certificate in search", timeoutMs: 60_000 });
    const [row] = await t.dataSource.query('SELECT skill_codes, certified_course_codes, statement FROM talent_profile WHERE trainee_id = $1', [B]);
    expect(row).toEqual({ skill_codes: ['CYB-IAM-01', 'CYB-SOC-01'], certified_course_codes: [courseCode], statement: 'Analyst.' });
  });

  it('a revoked certificate stops matching the certification filter; the skills its passes prove still match', async () => {
    const A = w.people.traineeA.id;
    expect(await ids(`certification=${courseCode}`)).toContain(A);
    const revoked = await api.post(`/api/v1/certificates/${w.objects.get('certificateOfA')}/revoke`, { reasonCode: 'issued-in-error' }, w.people.admin.token);
    expect(revoked.status).toBe(200);
    await waitFor(async () => !(await ids(`certification=${courseCode}`)).includes(A), { what: "A's revoked certificate leaving search", timeoutMs: 60_000 });
    expect(await ids('skillsAll=CYB-SOC-01,CYB-IAM-01')).toContain(A);
    const shown = (await api.get(`/api/v1/talent/profiles/${A}`, w.people.employer.token)).body;
    expect(shown.certificates).toEqual([]);
  });
});
