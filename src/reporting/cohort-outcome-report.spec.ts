import fc from 'fast-check';
import { ageBand, DIMENSIONS, OUTCOME_STAGES } from './disaggregation';
import { NOT_GIVEN } from './disclosure/category-recoding';
import type { OutcomeFigures } from './outcome-figures';
import type { EnrollmentFact } from './ports/cohort-facts.source';
import { randomCohort } from '../../test/support/random-cohort';

const DAY = 24 * 60 * 60 * 1000;
type World = Awaited<ReturnType<typeof randomCohort>>;

/** The same figures counted the plain way: one loop per question, straight from the fakes. */
function directCounts(w: World, scope: EnrollmentFact[]) {
  const certs = w.fakes.certificates.all;
  const liveCert = (e: EnrollmentFact) => certs.some((c) => c.enrollmentId === e.enrollmentId && c.revokedAt === null);
  const count = (test: (e: EnrollmentFact) => boolean) => scope.reduce((n, e) => n + (test(e) ? 1 : 0), 0);
  const traineeIds = [...new Set(scope.map((e) => e.traineeId))];
  const activity = w.fakes.cohorts.activityOf.get(w.cohortId)!;
  let weekly = 0;
  for (const t of traineeIds) if (activity.some((a) => a.traineeId === t && a.at.getTime() > w.asOf.getTime() - 7 * DAY && a.at <= w.asOf)) weekly++;
  const passes = new Map(
    w.fakes.assessments.allAssessments
      .filter((a) => scope.some((e) => e.courseVersionId === a.versionId))
      .map((a) => {
        let attempted = 0;
        let passed = 0;
        for (const e of scope) {
          const r = w.fakes.assessments.allResults.find((x) => x.enrollmentId === e.enrollmentId && x.assessmentId === a.assessmentId);
          if (r) attempted++;
          if (r?.passed) passed++;
        }
        return [a.assessmentId, { attempted, passed }];
      }),
  );
  let placed = 0;
  for (const t of traineeIds) if (w.placements.some((p) => p.trainee_id === t)) placed++;
  return {
    enrolled: scope.length, trainees: traineeIds.length,
    active: count((e) => e.status === 'active'), withdrawn: count((e) => e.status === 'withdrawn'), completed: count((e) => e.status === 'completed'),
    certified: count(liveCert), atRisk: count((e) => e.status === 'active' && e.atRisk), weeklyActiveTrainees: weekly, passes, placed,
  };
}

/** Every published figure equals a direct count; every withheld one is listed with a reason. */
function expectFiguresMatch(w: World, scope: EnrollmentFact[], figures: OutcomeFigures) {
  const d = directCounts(w, scope);
  const withheld = (metric: string) => figures.suppressed.some((s) => metric === s.metric || metric.startsWith(`${s.metric}.`));
  for (const key of ['enrolled', 'trainees', 'active', 'withdrawn', 'completed', 'certified', 'atRisk', 'weeklyActiveTrainees'] as const) {
    if (figures[key] === null) expect(withheld(key)).toBe(true);
    else expect({ key, value: figures[key] }).toEqual({ key, value: d[key] });
  }
  for (const a of figures.assessments) {
    for (const key of ['attempted', 'passed'] as const) {
      if (a[key] === null) expect(withheld(`assessments.${a.assessmentId}.${key}`)).toBe(true);
      else expect(a[key]).toBe(d.passes.get(a.assessmentId)![key]);
    }
  }
  if (figures.placements.placed === null) expect(withheld('placements.placed')).toBe(true);
  else expect(figures.placements.placed).toBe(d.placed);
}

function scopesOf(w: World): Array<[EnrollmentFact[], OutcomeFigures]> {
  const all = w.fakes.cohorts.enrollmentsOf.get(w.cohortId)!;
  const cohort = w.fakes.cohorts.cohorts.get(w.cohortId)!;
  const r = w.report;
  const out: Array<[EnrollmentFact[], OutcomeFigures]> = [[all, r.overall]];
  for (const c of r.courses) if (c.figures) out.push([all.filter((e) => e.courseVersionId === c.versionId), c.figures]);
  if (r.otherCourses) out.push([all.filter((e) => r.otherCourses!.versionIds.includes(e.courseVersionId)), r.otherCourses.figures]);
  const versionsOf = (tracks: string[]) => cohort.courseVersions.filter((v) => tracks.includes(v.trackCode)).map((v) => v.versionId);
  for (const t of r.tracks) if (t.figures) out.push([all.filter((e) => versionsOf([t.trackCode]).includes(e.courseVersionId)), t.figures]);
  if (r.otherTracks) out.push([all.filter((e) => versionsOf(r.otherTracks!.trackCodes).includes(e.courseVersionId)), r.otherTracks.figures]);
  return out;
}

function expectDisaggregationExact(w: World) {
  const k = w.report.minCellSize;
  const stageOf = new Map<string, number>();
  for (const e of w.fakes.cohorts.enrollmentsOf.get(w.cohortId)!) {
    const live = w.fakes.certificates.all.some((c) => c.enrollmentId === e.enrollmentId && c.revokedAt === null);
    const stage = live ? 3 : OUTCOME_STAGES.indexOf(e.status);
    stageOf.set(e.traineeId, Math.max(stage, stageOf.get(e.traineeId) ?? -1));
  }
  for (const dimension of DIMENSIONS) {
    const table = w.report.disaggregation[dimension];
    const valueOf = (traineeId: string) => {
      const p = w.people.find((x) => x.id === traineeId)!;
      return dimension === 'ageBand' ? ageBand(p.birthYear, w.asOf) : (p[dimension] ?? NOT_GIVEN);
    };
    expect(table.grandTotal).toBe(stageOf.size);
    // Reports say how many trainees' values are not given (when that count is no small group).
    const notGiven = [...stageOf.keys()].filter((id) => valueOf(id) === NOT_GIVEN).length;
    if (table.notGiven !== null) expect(table.notGiven).toBe(notGiven);
    else expect(notGiven).toBeGreaterThan(0);
    if (notGiven >= k && table.rows.includes(NOT_GIVEN)) expect(table.notGiven).toBe(notGiven);
    table.rows.forEach((category, i) => {
      // No report names a category held by fewer than k trainees.
      expect(table.rowTotals[i]).toBeGreaterThanOrEqual(k);
      if (category === 'other') return;
      table.columns.forEach((_, j) => {
        let n = 0;
        for (const [traineeId, stage] of stageOf) if (valueOf(traineeId) === category && stage === j) n++;
        if (table.cells[i][j] !== null) expect(table.cells[i][j]).toBe(n);
        if (n > 0 && n < k) expect(table.cells[i][j]).toBeNull();
      });
    });
    if (!table.withheld) expect(table.rowTotals.reduce((a, b) => a + b, 0)).toBe(table.grandTotal);
  }
}

describe('cohort outcome report', () => {
  it('property: every published figure equals a direct count of the facts; every withheld one says why', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 3, max: 8 }), async (seed, trainees, k) => {
        const w = await randomCohort(seed, trainees, k);
        const apps = w.fakes.cohorts.applicationsOf.get(w.cohortId)!;
        expect(w.report.applicants).toBe(new Set(apps.map((a) => a.traineeId)).size);
        expect(w.report.accepted).toBe(apps.filter((a) => a.status === 'accepted').length);
        for (const [scope, figures] of scopesOf(w)) expectFiguresMatch(w, scope, figures);
        for (const c of w.report.courses) if (!c.figures) expect(w.report.otherCourses?.versionIds).toContain(c.versionId);
        expectDisaggregationExact(w);
      }),
      { numRuns: 60 },
    );
  });

  it('names no category and lists no course or track figures over fewer than k trainees', async () => {
    const w = await randomCohort(11, 40, 5, { singletons: true });
    expect(w.report.disaggregation.district.rows).toEqual([]);
    expect(w.report.disaggregation.district.withheld).toEqual({ reason: 'fewer-than-two-categories' });
    for (const c of w.report.courses) if (c.figures) expect(c.figures.trainees).toBeGreaterThanOrEqual(5);
    const tiny = await randomCohort(12, 4, 5);
    expect(tiny.report.funnel.certified).toBeNull();
    expect(tiny.report.overall.completed).toBeNull();
    expect(tiny.report.overall.suppressed).toContainEqual({ metric: 'completed', reason: 'fewer-than-k-trainees' });
  });

  it('median time to completion and median score are the middle values', async () => {
    const w = await randomCohort(7, 40, 5);
    const all = w.fakes.cohorts.enrollmentsOf.get(w.cohortId)!;
    const days = all.filter((e) => e.status === 'completed').map((e) => (e.completedAt!.getTime() - e.enrolledAt.getTime()) / DAY).sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
    expect(days.length).toBeGreaterThanOrEqual(5);
    expect(w.report.overall.medianDaysToCompletion).toBeCloseTo(median, 2);
  });
});
