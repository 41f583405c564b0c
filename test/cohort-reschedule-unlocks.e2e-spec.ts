import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows } from './support/cohort-builders';

const DAY = 86_400_000;

/*
 * Module states are stored by the progress processor; a new start must reach them through the
 * worker at once, not at the trainee's next activity or the next at-risk scan.
 */
describe('cohort: a rescheduled start re-runs module unlocking', () => {
  let t: TestApp;
  let admin: TestPerson;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
    admin = await loginAdmin(t.api);
  });
  afterAll(() => t.close());

  it('opens a module whose offset has now passed when the start moves earlier, and tells its trainee', async () => {
    // Started a day ago; the second module opens 14 days after the start.
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', offsets: { 1: 14 }, shape: { modules: [{ lessons: 1 }, { lessons: 1 }] } });
    const [, m2] = cohort.outline.modules;
    const trainee = await createUser(t.api, admin.token, ['trainee']);
    const enrolled = await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token);
    expect(enrolled.status).toBe(201);
    const enrollmentId: string = enrolled.body.id;
    const stored = async () =>
      (await t.api.get(`/api/v1/cohorts/${cohort.id}/roster`, admin.token)).body.items.find((i: { enrollmentId: string }) => i.enrollmentId === enrollmentId)?.modules.map((m: { status: string }) => m.status);
    await waitFor(async () => JSON.stringify(await stored()) === '["open","locked"]', { what: 'the enrolment recompute', timeoutMs: 30_000 });
    const recomputes = async () => (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === enrollmentId).length;
    const before = await recomputes();

    // A change that leaves the start alone recomputes nothing.
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { name: 'Renamed cohort', endsAt: new Date(Date.now() + 120 * DAY).toISOString() }, admin.token)).status).toBe(200);
    expect(await recomputes()).toBe(before);

    const moved = await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { startsAt: new Date(Date.now() - 15 * DAY).toISOString() }, admin.token);
    expect(moved.status).toBe(200);
    expect(await recomputes()).toBe(before + 1);
    await waitFor(async () => JSON.stringify(await stored()) === '["open","open"]', { what: 'module 2 unlocked by the new start', timeoutMs: 30_000 });
    await waitFor(
      async () => (await t.api.get('/api/v1/me/notifications', trainee.token)).body.items.some((n: { type: string; data: { moduleId?: string } }) => n.type === 'module-unlocked' && n.data.moduleId === m2.moduleId),
      { what: 'the trainee told of module 2', timeoutMs: 30_000 },
    );
    expect((await t.api.post(`/api/v1/lessons/${m2.lessons[0].lessonId}/complete`, undefined, trainee.token)).status).toBe(200);
  });

  it('recomputes only the active enrollments of the cohort', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', offsets: { 1: 14 } });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      ids.push((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).body.id);
    }
    expect((await t.api.post(`/api/v1/enrollments/${ids[1]}/withdraw`, { reason: 'moved away' }, admin.token)).status).toBeLessThan(300);
    const count = async (id: string) => (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === id).length;
    const [active, withdrawn] = [await count(ids[0]), await count(ids[1])];
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { startsAt: new Date(Date.now() - 20 * DAY).toISOString() }, admin.token)).status).toBe(200);
    expect(await count(ids[0])).toBe(active + 1);
    expect(await count(ids[1])).toBe(withdrawn);
  });
});
