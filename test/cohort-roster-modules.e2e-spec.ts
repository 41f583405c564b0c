import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort } from './support/cohort-builders';

interface RosterModule {
  moduleId: string;
  title: string;
  position: number;
  status: string;
  lessonsDone: number;
  lessonsTotal: number;
}

describe('cohort: the roster shows each trainee’s progress per module', () => {
  let t: TestApp;
  let admin: TestPerson;
  let instructor: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
    instructor = await createUser(t.api, admin.token, ['instructor']);
  });
  afterAll(() => t.close());

  it('lists every module in course order with its state and lessons done, from the progress aggregates', async () => {
    // The second module opens 14 days after the start: locked for now.
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', instructorIds: [instructor.id], offsets: { 1: 14 }, shape: { modules: [{ lessons: 2 }, { lessons: 1 }] } });
    const [m1, m2] = cohort.outline.modules;
    const enrol = async () => {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token);
      expect(enrolled.status).toBe(201);
      return { trainee, enrollmentId: enrolled.body.id as string };
    };
    const busy = await enrol();
    const idle = await enrol();
    const modulesOf = async (enrollmentId: string): Promise<RosterModule[]> =>
      (await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, instructor.token)).body.items.find((i: { enrollmentId: string }) => i.enrollmentId === enrollmentId).modules;

    expect((await t.api.post(`/api/v1/lessons/${m1.lessons[0].lessonId}/complete`, undefined, busy.trainee.token)).status).toBeLessThan(300);
    await waitFor(async () => (await modulesOf(busy.enrollmentId))[0].lessonsDone === 1, { what: 'the first lesson counted in module 1', timeoutMs: 30_000 });
    expect(await modulesOf(busy.enrollmentId)).toEqual([
      { moduleId: m1.moduleId, title: m1.title, position: m1.position, status: 'open', lessonsDone: 1, lessonsTotal: 2 },
      { moduleId: m2.moduleId, title: m2.title, position: m2.position, status: 'locked', lessonsDone: 0, lessonsTotal: 1 },
    ]);

    expect((await t.api.post(`/api/v1/lessons/${m1.lessons[1].lessonId}/complete`, undefined, busy.trainee.token)).status).toBeLessThan(300);
    await waitFor(async () => (await modulesOf(busy.enrollmentId))[0].status === 'done', { what: 'module 1 done after both lessons', timeoutMs: 30_000 });
    expect((await modulesOf(busy.enrollmentId)).map((m) => [m.status, m.lessonsDone])).toEqual([['done', 2], ['locked', 0]]);
    // The other trainee's modules are their own: nothing done.
    expect((await modulesOf(idle.enrollmentId)).map((m) => m.lessonsDone)).toEqual([0, 0]);
  });

  it('answers the per-module progress only to the cohort’s staff', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', instructorIds: [instructor.id] });
    const other = await createUser(t.api, admin.token, ['instructor']);
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    expect((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).status).toBe(201);
    const asAdmin = await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, admin.token);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.items[0].modules).toHaveLength(cohort.outline.modules.length);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, other.token)).status).toBe(404);
    expect((await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, trainee.token)).status).toBe(403);
  });
});
