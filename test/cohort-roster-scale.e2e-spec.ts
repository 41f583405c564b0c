import { PublishedCourseVersions } from '../src/course/published-course-versions.contract';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin } from './support/people';
import { FakePublishedCourseVersions, outlineOf } from './support/fakes/published-course-versions.fake';
import { measureAccepts, ROSTER_TRAINEES, setupCohortRoster } from '../bench/scenarios/cohort-roster';

describe('cohort: the roster of a 500-trainee cohort (the bench scenario’s setup)', () => {
  let t: TestApp;
  const fake = new FakePublishedCourseVersions();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' }, overrides: [{ provide: PublishedCourseVersions, useValue: fake }] });
  });
  afterAll(() => t.close());

  it('imports 500 trainees and answers their roster in one request, as the baseline query does', async () => {
    const admin = await loginAdmin(t.api);
    const version = fake.add(outlineOf({ modules: [{ lessons: 3 }, { lessons: 3 }] }));
    const scenario = await setupCohortRoster(t.url, { admin: admin.token }, version.versionId);
    const roster = await t.api.request(scenario.method, scenario.path, { headers: scenario.headers });
    expect(roster.status).toBe(200);
    expect(roster.body.items).toHaveLength(ROSTER_TRAINEES);
    // Per-module progress comes with every trainee (folded into the one roster query).
    for (const item of roster.body.items) expect(item.modules.map((m: { lessonsTotal: number }) => m.lessonsTotal)).toEqual([3, 3]);
    const baselineRows = await t.dataSource.query(scenario.baseline.queries[1].text, scenario.baseline.queries[1].values);
    expect(baselineRows).toHaveLength(ROSTER_TRAINEES);
    expect(new Set(roster.body.items.map((i: { enrollmentId: string }) => i.enrollmentId))).toEqual(new Set(baselineRows.map((r: { id: string }) => r.id)));
  });

  it('measures concurrent accepts with capacity held (the bench scenario’s second part)', async () => {
    const admin = await loginAdmin(t.api);
    const version = fake.add(outlineOf({ modules: [{ lessons: 1 }] }));
    const trainees = [];
    for (let i = 0; i < 20; i++) trainees.push((await createUser(t.api, admin.token, ['trainee'])).token);
    const result = await measureAccepts(t.url, { admin: admin.token, trainees }, version.versionId);
    expect(result).toMatchObject({ decisions: 20, enrolled: 10, refused: 10 });
    expect(result.decisionsPerSecond).toBeGreaterThan(0);
  });
});
