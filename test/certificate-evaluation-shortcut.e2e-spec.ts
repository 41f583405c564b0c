import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { CertificationWorld } from './support/certification-builders';
import { CertificateIssuer } from '../src/certification/certificate-issuer.service';

/**
 * The evaluation answers 'not-met' without reading results when no certificate is held and the
 * criteria cannot be met whatever they say (a module to go under "every module", or a withdrawn
 * enrollment); every other case still weighs the results (issue 23: the common progress change).
 */
describe('certificate evaluation: results read only when they can decide', () => {
  const world = new CertificationWorld();
  let t: TestApp;
  let admin: TestPerson;
  let issuer: CertificateIssuer;
  const outline = world.versions.addVersion();
  const resultsRead = jest.spyOn(world.results, 'standingOfEnrolled');

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', overrides: world.overrides() });
    admin = await loginAdmin(t.api);
    issuer = t.get<CertificateIssuer>(CertificateIssuer);
  });
  afterAll(() => t?.close());
  beforeEach(() => resultsRead.mockClear());

  const trainee = async () => (await createUser(t.api, admin.token, ['trainee'])).id;

  it('a module to go under the default criteria: not met, results unread; every module done: the results decide', async () => {
    const enrollment = world.enrollments.enroll(await trainee(), outline.versionId);
    world.setStanding(enrollment, outline, { modulesDone: outline.modules.length - 1, passAll: true, score: 95 });
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
    expect(resultsRead).not.toHaveBeenCalled();
    world.setStanding(enrollment, outline, { modulesDone: outline.modules.length, passAll: true, score: 40 });
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
    expect(resultsRead).toHaveBeenCalledTimes(1);
    world.setStanding(enrollment, outline, { modulesDone: outline.modules.length, passAll: true, score: 95 });
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('issued');
    const [certificate] = await t.dataSource.query('SELECT course_score FROM certificate WHERE enrollment_id = $1', [enrollment.enrollmentId]);
    expect(Number(certificate.course_score)).toBe(95);
  });

  it('a withdrawn enrollment that would qualify: not met, results unread', async () => {
    const enrollment = world.enrollments.enroll(await trainee(), outline.versionId, { status: 'withdrawn' });
    world.setStanding(enrollment, outline, { modulesDone: outline.modules.length, passAll: true, score: 95 });
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('not-met');
    expect(resultsRead).not.toHaveBeenCalled();
    expect(await t.dataSource.query('SELECT id FROM certificate WHERE enrollment_id = $1', [enrollment.enrollmentId])).toEqual([]);
  });

  it('a held certificate is weighed with its results though a module is to go: flagged', async () => {
    const enrollment = world.qualifiedEnrollment(await trainee(), outline);
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('issued');
    world.setStanding(enrollment, outline, { modulesDone: outline.modules.length - 1, passAll: true, score: 95 });
    resultsRead.mockClear();
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('flagged');
    expect(resultsRead).toHaveBeenCalledTimes(1);
    const [flagged] = await t.dataSource.query('SELECT review_status, review_detail FROM certificate WHERE enrollment_id = $1', [enrollment.enrollmentId]);
    expect(flagged).toEqual({ review_status: 'pending', review_detail: expect.stringMatching(/modules not complete/) });
  });

  it('criteria that do not ask for every module: the results decide with modules to go', async () => {
    const loose = world.versions.addVersion();
    const set = await t.api.put(`/api/v1/course-versions/${loose.versionId}/certification-criteria`, { requireAllModules: false }, admin.token);
    expect(set.status).toBe(200);
    const enrollment = world.enrollments.enroll(await trainee(), loose.versionId);
    world.setStanding(enrollment, loose, { modulesDone: 0, passAll: true, score: 95 });
    await expect(issuer.evaluate(enrollment.enrollmentId)).resolves.toBe('issued');
    expect(resultsRead).toHaveBeenCalledTimes(1);
  });
});
