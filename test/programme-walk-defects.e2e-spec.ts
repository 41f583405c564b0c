import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import {
  applyTo, buildProgramme, decide, openCohort, Programme, QUIZ_RIGHT, setStatus, SQL_RIGHT, submitGraded, waitForInboxTypes,
} from './support/journey-builders';

/*
 * Defects found by walking a whole programme through the API (issue 22), each pinned by a test
 * that failed before its fix.
 */
describe('programme walk defects', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  let programme: Programme;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
    programme = await buildProgramme(t.api, instructor);
  });
  afterAll(() => t?.close());

  async function enrolledIn(cohortId: string): Promise<TestPerson> {
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    await decide(t.api, instructor, await applyTo(t.api, cohortId, trainee), 'accept');
    return trainee;
  }

  describe('1. a locked module locks its assessments', () => {
    it('refuses to start or submit an assessment of a module not yet open, as it refuses its lessons', async () => {
      const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 10, { schedule: [{ moduleId: programme.modules[1].id, offsetDays: 10 }] });
      const trainee = await enrolledIn(cohort.id);
      await setStatus(t.api, admin, cohort.id, 'running');
      const lesson = await t.api.post(`/api/v1/lessons/${programme.modules[1].lessonIds[0]}/complete`, undefined, trainee.token);
      expect(lesson.status).toBe(422);
      const started = await t.api.post(`/api/v1/assessments/${programme.sqlId}/attempts`, undefined, trainee.token);
      expect(started.status).toBe(422);
      expect(started.body.type).toBe(lesson.body.type);
      expect(started.body.opensAt).toBe(lesson.body.opensAt);
      const submitted = await t.api.post(`/api/v1/assessments/${programme.sqlId}/submissions`, { answer: SQL_RIGHT }, trainee.token);
      expect(submitted.status).toBe(422);
      expect(submitted.body.type).toBe(lesson.body.type);
      const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM submission s JOIN enrollment e ON e.id = s.enrollment_id WHERE e.trainee_id = $1', [trainee.id]);
      expect(row.n).toBe(0);
      // The open module's quiz still takes work.
      expect((await t.api.post(`/api/v1/assessments/${programme.quizId}/submissions`, { answer: QUIZ_RIGHT }, trainee.token)).status).toBe(202);
    });

  });

  describe('2. notices link to the web app and name what they are about', () => {
    it('links each notice to its screen under /app/ and names the graded assessment', async () => {
      const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const applicationId = await applyTo(t.api, cohort.id, trainee);
      await decide(t.api, instructor, applicationId, 'accept');
      await setStatus(t.api, admin, cohort.id, 'running');
      await submitGraded(t.api, trainee, programme.quizId, QUIZ_RIGHT);
      const items: any[] = await waitForInboxTypes(t.api, trainee, ['application-decided', 'enrolled', 'submission-graded']);
      const of = (type: string) => items.find((i) => i.type === type);
      expect(of('application-decided').link).toBe(`/app/applications/${applicationId}`);
      expect(of('enrolled').link).toBe(`/app/learning/${of('enrolled').data.enrollmentId}`);
      expect(of('submission-graded')).toMatchObject({ link: `/app/assessments/${programme.quizId}`, title: 'Graded: Data basics quiz' });
      expect(of('submission-graded').text).toContain('Data basics quiz');
    });
  });
});
