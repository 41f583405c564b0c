import { waitFor } from '@gds/testing';
import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { FakePublishedCourseVersions } from './support/fakes/published-course-versions.fake';
import { createCohort, outboxRows } from './support/cohort-builders';
import { CohortScheduleRecompute, ScheduleRecomputeProgress } from '../src/cohort/cohort-schedule-recompute.service';
import { ProgressRecompute } from '../src/cohort/progress-recompute.service';

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
    // One event for the cohort's change, not a row per enrollment (the worker recomputes them in pages).
    const recomputes = async () => (await outboxRows(t.dataSource, 'cohort-schedule-changed')).filter((r) => r.payload.cohortId === cohort.id).length;
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

  it('writes one event for the cohort, and the worker recomputes only its active enrollments, page by page', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', offsets: { 1: 14 } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      ids.push((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).body.id);
    }
    expect((await t.api.post(`/api/v1/enrollments/${ids[2]}/withdraw`, { reason: 'moved away' }, admin.token)).status).toBeLessThan(300);
    const perEnrollment = async () => (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => ids.includes(r.payload.enrollmentId as string)).length;
    const events = async () => (await outboxRows(t.dataSource, 'cohort-schedule-changed')).filter((r) => r.payload.cohortId === cohort.id);
    const rowsBefore = await perEnrollment();
    const startsAt = new Date(Date.now() - 20 * DAY).toISOString();
    expect((await t.api.patch(`/api/v1/cohorts/${cohort.id}`, { startsAt }, admin.token)).status).toBe(200);
    // The PATCH's transaction wrote no row per trainee: one event, keyed by the cohort, its new start and zone.
    expect(await perEnrollment()).toBe(rowsBefore);
    const [event] = await events();
    expect(await events()).toHaveLength(1);
    expect(event.payload).toMatchObject({ cohortId: cohort.id, startsAt, timeZone: expect.any(String), changedAt: expect.stringMatching(/\.\d{6}Z$/) });
    expect(event.job_id).toContain(cohort.id);

    // The handler (run here directly, pages of one): the two active enrollments, in id order, the withdrawn one skipped.
    const recompute = t.get<CohortScheduleRecompute>(CohortScheduleRecompute);
    const change = event.payload as { cohortId: string; startsAt: string; timeZone: string; changedAt: string };
    const pages: ScheduleRecomputeProgress[] = [];
    expect(await recompute.recomputeCohort(change, { batchSize: 1, onPage: async (at) => void pages.push(at) })).toBe(2);
    const active = ids.slice(0, 2).sort();
    expect(pages).toEqual([{ afterId: active[0], done: 1 }, { afterId: active[1], done: 2 }]);
    // A retry resumes after the last page it recorded.
    expect(await recompute.recomputeCohort(change, { from: pages[0], batchSize: 1 })).toBe(2);
    // A change the cohort has since moved past does nothing (the later change has its own event).
    expect(await recompute.recomputeCohort({ ...change, startsAt: new Date(Date.now() - 30 * DAY).toISOString() })).toBeNull();
  });

  it('recomputes the rest of the cohort when one enrollment keeps failing, and hands that one to a job of its own', async () => {
    const cohort = await createCohort(t.api, admin.token, fake, { status: 'running', offsets: { 1: 14 } });
    const m2 = cohort.outline.modules[1].moduleId;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const trainee = await createUser(t.api, admin.token, ['trainee']);
      ids.push((await t.api.post(`/api/v1/cohorts/${cohort.id}/enrollments`, { traineeId: trainee.id }, admin.token)).body.id);
    }
    const m2Status = async (id: string) =>
      ((await t.dataSource.query('SELECT status FROM module_progress WHERE enrollment_id = $1 AND module_id = $2', [id, m2])) as Array<{ status: string }>)[0]?.status;
    for (const id of ids) await waitFor(async () => (await m2Status(id)) === 'locked', { what: 'the enrolment recompute', timeoutMs: 30_000 });

    // The start moved back by SQL (no event, so the worker does not walk the cohort too); the handler is run here.
    const startsAt = new Date(Date.now() - 20 * DAY);
    await t.dataSource.query('UPDATE cohort SET starts_at = $2 WHERE id = $1', [cohort.id, startsAt]);
    const [{ timeZone }] = await t.dataSource.query('SELECT time_zone AS "timeZone" FROM cohort WHERE id = $1', [cohort.id]);
    const change = { cohortId: cohort.id, startsAt: startsAt.toISOString(), timeZone, changedAt: new Date().toISOString() };
    const [first, failing, last] = [...ids].sort();
    const handedOn = async () => (await outboxRows(t.dataSource, 'recompute-progress')).filter((r) => r.payload.enrollmentId === failing).length;
    const rowsBefore = await handedOn();

    const progress = t.get<ProgressRecompute>(ProgressRecompute);
    const original = progress.recompute.bind(progress);
    const spy = jest.spyOn(progress, 'recompute').mockImplementation(async (id, now) => {
      if (id === failing) throw new Error('recompute keeps failing for this enrollment');
      return original(id, now);
    });
    try {
      expect(await t.get<CohortScheduleRecompute>(CohortScheduleRecompute).recomputeCohort(change, { batchSize: 1 })).toBe(3);
    } finally {
      spy.mockRestore();
    }
    // The enrollments after the failing one were recomputed all the same.
    expect([await m2Status(first), await m2Status(last)]).toEqual(['open', 'open']);
    // The failing one has a recompute-progress job of its own (with its own retries), which opens its module once it succeeds.
    expect(await handedOn()).toBe(rowsBefore + 1);
    await waitFor(async () => (await m2Status(failing)) === 'open', { what: 'the handed-on recompute', timeoutMs: 30_000 });
  });
});
