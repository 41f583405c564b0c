import { randomUUID } from 'node:crypto';
import { waitFor } from '@gds/testing';
import { startTestApp, TestApp } from './support/test-app';
import { createUser, loginAdmin, TestPerson } from './support/people';
import { buildCohortWorld, insertTrainees, ReportingFakes } from './support/reporting-builders';

describe('reporting: snapshots kept current by the worker', () => {
  const fakes = new ReportingFakes();
  let t: TestApp;
  let admin: TestPerson;
  let reviewer: TestPerson;
  let cohortId: string;
  let trainees: string[];
  const snapshotAt = async () =>
    ((await t.dataSource.query('SELECT computed_at FROM report_snapshot WHERE cohort_id = $1', [cohortId]))[0]?.computed_at as Date | undefined) ?? null;

  beforeAll(async () => {
    t = await startTestApp({ overrides: fakes.overrides(), env: { REPORT_SNAPSHOT_MAX_AGE_SECONDS: '3600', REPORT_REFRESH_INTERVAL_SECONDS: '10' } });
    admin = await loginAdmin(t.api);
    reviewer = await createUser(t.api, admin.token, ['reviewer']);
    trainees = await insertTrainees(t.dataSource, 20, 3);
    cohortId = buildCohortWorld(fakes, { traineeIds: trainees, seed: 9 });
  });
  afterAll(() => t.close());

  it('serves the snapshot until the scheduled refresh recomputes it, and drops it when a placement changes', async () => {
    const first = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
    const enrollments = fakes.cohorts.enrollmentsOf.get(cohortId)!;
    const version = fakes.cohorts.cohorts.get(cohortId)!.courseVersions[0].versionId;
    const late = { enrollmentId: randomUUID(), traineeId: trainees[0], courseVersionId: version, status: 'active' as const, enrolledAt: new Date(), completedAt: null, percent: 0, lastActivityAt: null, atRisk: false };
    enrollments.push(late);
    // Still the snapshot: same computation time, same count (unless the 10 s refresh struck in between).
    const cached = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
    if (cached.asOf === first.asOf) expect(cached.overall.enrolled).toBe(first.overall.enrolled);
    else expect(cached.overall.enrolled).toBe(first.overall.enrolled + 1);
    // The worker's scheduled refresh catches up without any reader waiting for it.
    await waitFor(async () => {
      const at = await snapshotAt();
      return at !== null && at.toISOString() > first.asOf;
    }, { what: 'the scheduled snapshot refresh', timeoutMs: 60_000 });
    const refreshed = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
    expect(refreshed.overall.enrolled).toBe(first.overall.enrolled + 1);
    // A placement drops the snapshot, so the next read counts it.
    const placed = await t.api.post(
      `/api/v1/cohorts/${cohortId}/placements`,
      // After the course began (90 days ago) and the enrollments of the world (40 days ago at the latest).
      { traineeId: trainees[0], kind: 'promotion', role: 'Team lead', employer: 'Acme BPO', startsOn: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), source: 'employer_confirmed' },
      admin.token,
    );
    expect(placed.status).toBe(201);
    const after = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body;
    expect(after.overall.placements.placed).toBe(refreshed.overall.placements.placed + 1);
  });

  it('recomputes a snapshot on an admin request, through the worker', async () => {
    const before = (await t.api.get(`/api/v1/reports/cohorts/${cohortId}/outcomes`, reviewer.token)).body.asOf;
    expect((await t.api.post(`/api/v1/reports/cohorts/${cohortId}/refresh`, undefined, reviewer.token)).status).toBe(403);
    expect((await t.api.post(`/api/v1/reports/cohorts/${randomUUID()}/refresh`, undefined, admin.token)).status).toBe(404);
    const asked = await t.api.post(`/api/v1/reports/cohorts/${cohortId}/refresh`, undefined, admin.token);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ id: cohortId, status: 'queued', url: `/api/v1/reports/cohorts/${cohortId}/outcomes` });
    await waitFor(async () => (await snapshotAt())!.toISOString() > before, { what: 'the requested refresh', timeoutMs: 60_000 });
  });
});
