import { startTestApp, TestApp } from './support/test-app';
import { addModule, buildCourse, createCourse, publish } from './support/course-builders';
import { quizBody } from './support/assessment-builders';
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

  describe('3. the waitlist: ranks stay 1..n, promotion follows the freed seat’s track', () => {
    const decideOn = (id: string, body: object) => t.api.post(`/api/v1/applications/${id}/decision`, body, admin.token);
    const ranks = async (cohortId: string) =>
      (await t.dataSource.query(`SELECT id, waitlist_rank FROM application WHERE cohort_id = $1 AND status = 'waitlisted' ORDER BY waitlist_rank`, [cohortId]))
        .map((r: { id: string; waitlist_rank: number }) => [r.id, r.waitlist_rank]);

    it('moves an applicant to rank 1 and shifts the others; leaving the list closes the gap', async () => {
      const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 1);
      const apps: string[] = [];
      for (let i = 0; i < 4; i++) apps.push(await applyTo(t.api, cohort.id, await createUser(t.api, admin.token, ['trainee'])));
      for (const id of apps) expect((await decideOn(id, { decision: 'waitlist', reason: 'full' })).status).toBe(200);
      expect(await ranks(cohort.id)).toEqual([[apps[0], 1], [apps[1], 2], [apps[2], 3], [apps[3], 4]]);
      expect((await decideOn(apps[3], { decision: 'waitlist', reason: 'strongest reserve', rank: 1 })).body.waitlistRank).toBe(1);
      expect(await ranks(cohort.id)).toEqual([[apps[3], 1], [apps[0], 2], [apps[1], 3], [apps[2], 4]]);
      expect((await decideOn(apps[3], { decision: 'waitlist', reason: 'second thoughts', rank: 3 })).body.waitlistRank).toBe(3);
      expect(await ranks(cohort.id)).toEqual([[apps[0], 1], [apps[1], 2], [apps[3], 3], [apps[2], 4]]);
      expect((await decideOn(apps[0], { decision: 'waitlist', reason: 'last', rank: 99 })).body.waitlistRank).toBe(4);
      expect((await decideOn(apps[1], { decision: 'reject', reason: 'no' })).status).toBe(200);
      expect(await ranks(cohort.id)).toEqual([[apps[3], 1], [apps[2], 2], [apps[0], 3]]);
    });

    it('gives a freed UI/UX seat to the first UI/UX applicant waiting, not to another track’s rank 1', async () => {
      const design = await buildCourse(t.api, instructor.token, 1, 1, { trackCode: 'ui-ux-design', title: 'Interface Design' });
      const designVersion = (await publish(t.api, instructor.token, design.course.id)).versionId as string;
      const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id], 2, { courseVersionIds: [programme.versionId, designVersion] });
      const people = await Promise.all([0, 1, 2, 3].map(() => createUser(t.api, admin.token, ['trainee'])));
      const applyFor = async (person: TestPerson, courseVersionId: string) =>
        (await t.api.post(`/api/v1/cohorts/${cohort.id}/applications`, { statement: 'I want to learn this.', courseVersionId }, person.token)).body.id as string;
      const seatedDesign = await applyFor(people[0], designVersion);
      const seatedData = await applyFor(people[1], programme.versionId);
      const waitingData = await applyFor(people[2], programme.versionId);
      const waitingDesign = await applyFor(people[3], designVersion);
      const designEnrollment = (await decideOn(seatedDesign, { decision: 'accept', reason: 'r' })).body.enrollmentId;
      await decideOn(seatedData, { decision: 'accept', reason: 'r' });
      await decideOn(waitingData, { decision: 'waitlist', reason: 'full' });
      await decideOn(waitingDesign, { decision: 'waitlist', reason: 'full' });
      const withdrawn = await t.api.post(`/api/v1/enrollments/${designEnrollment}/withdraw`, { reason: 'moved' }, people[0].token);
      expect(withdrawn.status).toBe(200);
      expect((await t.api.get(`/api/v1/applications/${waitingDesign}`, admin.token)).body.status).toBe('accepted');
      expect((await t.api.get(`/api/v1/applications/${waitingData}`, admin.token)).body).toMatchObject({ status: 'waitlisted', waitlistRank: 1 });
    });
  });

  describe('6. the decision reason reaches the applicant', () => {
    it('puts the reason in the notice (and so the email) of the decision', async () => {
      const cohort = await openCohort(t.api, admin, programme.versionId, [instructor.id]);
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const reason = 'We need two years of contact-centre work; please apply to the next cohort.';
      await decide(t.api, instructor, await applyTo(t.api, cohort.id, trainee), 'reject', reason);
      const [notice] = await waitForInboxTypes(t.api, trainee, ['application-decided']);
      expect(notice.text).toBe(`Your application to ${cohort.name} was not accepted. Reason: ${reason}`);
    });
  });

  describe('8. skill attainment in reports', () => {
    it('reports the skills of modules, which certificates list, not only those tagged on assessments', async () => {
      const skills: Array<{ code: string }> = (await t.api.get('/api/v1/tracks/data-analysis/skills')).body;
      const course = await createCourse(t.api, instructor.token, { trackCode: 'data-analysis', title: 'Spreadsheets' });
      const module = await addModule(t.api, instructor.token, course.id, { title: 'Formulas', skillCodes: [skills[2].code] });
      expect((await t.api.post(`/api/v1/modules/${module.id}/assessments`, quizBody({ title: 'Formulas quiz', required: true }), instructor.token)).status).toBe(201);
      const version = await publish(t.api, instructor.token, course.id);
      const cohort = await openCohort(t.api, admin, version.versionId, [instructor.id]);
      await enrolledIn(cohort.id);
      const report = (await t.api.get(`/api/v1/reports/cohorts/${cohort.id}/outcomes`, admin.token)).body;
      expect(report.overall.skills.map((s: { skillCode: string }) => s.skillCode)).toEqual([skills[2].code]);
      expect(report.overall.skills[0]).toMatchObject({ skillCode: skills[2].code });
    });
  });
});
