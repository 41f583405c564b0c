import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { OutcomeFacts } from './outcome-facts.service';
import { ageBand, DIMENSIONS, OUTCOME_STAGES } from './disaggregation';
import { cohortOutcomeReport } from './cohort-outcome-report';
import type { EnrollmentFact } from './ports/cohort-facts.source';
import type { PersonSummary, UserDirectory } from '../identity/user-directory.service';
import { buildCohortWorld, ReportingFakes, seededRandom } from '../../test/support/reporting-builders';
import { recoverSuppressed } from '../../test/support/suppression-attack';

const DAY = 24 * 60 * 60 * 1000;
const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say', null];
const DISTRICTS = ['Cebu City', 'Davao', 'Makati', 'Quezon City', null];
const EMPLOYERS = ['Acme BPO', 'Globe Contact', 'Teleperf', null];

type Placement = { trainee_id: string; starts_on: string; follow_ups: Array<{ month: 3 | 6; stillInRole: boolean }> };

/** A random cohort in the fakes plus random people and placements; the report is gathered through the ports. */
async function randomCohort(seed: number, trainees: number, k: number) {
  const fakes = new ReportingFakes();
  const rnd = seededRandom(seed ^ 0x5bd1e995);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const people: PersonSummary[] = Array.from({ length: trainees }, () => ({
    id: randomUUID(), email: 'x@example.test', displayName: 'x', roles: ['trainee'], active: true, language: 'en',
    gender: pick(GENDERS), birthYear: rnd() < 0.1 ? null : 1970 + Math.floor(rnd() * 36), district: pick(DISTRICTS), employer: pick(EMPLOYERS),
  }));
  const asOf = new Date('2026-11-29T12:00:00Z');
  const cohortId = buildCohortWorld(fakes, { traineeIds: people.map((p) => p.id), seed, asOf });
  const placements: Placement[] = people
    .filter(() => rnd() < 0.25)
    .map((p) => ({ trainee_id: p.id, starts_on: '2026-10-01', follow_ups: rnd() < 0.5 ? [{ month: 3, stillInRole: rnd() < 0.7 }] : [] }));
  const directory = { findByIds: async (ids: string[]) => people.filter((p) => ids.includes(p.id)) } as unknown as UserDirectory;
  const txHost = { tx: { query: async () => placements } } as never;
  const facts = new OutcomeFacts(txHost, fakes.cohorts, fakes.assessments, fakes.certificates, directory);
  const inputs = await facts.gather((await fakes.cohorts.cohort(cohortId))!, asOf, k);
  return { fakes, people, placements, asOf, cohortId, report: cohortOutcomeReport(inputs) };
}

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
  const passes = w.fakes.assessments.allAssessments
    .filter((a) => scope.some((e) => e.courseVersionId === a.versionId))
    .map((a) => {
      let attempted = 0;
      let passed = 0;
      for (const e of scope) {
        const r = w.fakes.assessments.allResults.find((x) => x.enrollmentId === e.enrollmentId && x.assessmentId === a.assessmentId);
        if (r) attempted++;
        if (r?.passed) passed++;
      }
      return { assessmentId: a.assessmentId, attempted, passed };
    });
  const scores = scope.filter((e) => w.fakes.assessments.scores.has(e.enrollmentId)).map((e) => w.fakes.assessments.scores.get(e.enrollmentId)!);
  let placed = 0;
  for (const t of traineeIds) if (w.placements.some((p) => p.trainee_id === t)) placed++;
  const skills: Record<string, { trainees: number; attained: number }> = {};
  for (const a of w.fakes.assessments.allAssessments) {
    for (const code of a.skillCodes) {
      const teaching = w.fakes.assessments.allAssessments.filter((x) => x.skillCodes.includes(code));
      let trainees = 0;
      let attained = 0;
      for (const t of traineeIds) {
        const mine = scope.filter((e) => e.traineeId === t);
        if (!mine.some((e) => teaching.some((x) => x.versionId === e.courseVersionId))) continue;
        trainees++;
        if (mine.some((e) => w.fakes.assessments.allResults.some((r) => r.enrollmentId === e.enrollmentId && r.passed && teaching.some((x) => x.assessmentId === r.assessmentId)))) attained++;
      }
      if (trainees > 0) skills[code] = { trainees, attained };
    }
  }
  return {
    enrolled: scope.length,
    trainees: traineeIds.length,
    active: count((e) => e.status === 'active'),
    withdrawn: count((e) => e.status === 'withdrawn'),
    completed: count((e) => e.status === 'completed'),
    certified: count(liveCert),
    atRisk: count((e) => e.status === 'active' && e.atRisk),
    weeklyActiveTrainees: weekly,
    passes,
    scoreSum: scores.reduce((a, b) => a + b, 0),
    scoreCount: scores.length,
    placed,
    skills,
    sortedScores: [...scores].sort((a, b) => a - b),
  };
}

function expectFiguresMatch(w: World, scope: EnrollmentFact[], figures: World['report']['overall']) {
  const d = directCounts(w, scope);
  expect(figures).toMatchObject({
    enrolled: d.enrolled, trainees: d.trainees, active: d.active, withdrawn: d.withdrawn, completed: d.completed,
    certified: d.certified, atRisk: d.atRisk, weeklyActiveTrainees: d.weeklyActiveTrainees,
  });
  expect(figures.active + figures.withdrawn + figures.completed).toBe(figures.enrolled);
  expect(figures.assessments.map((a) => ({ assessmentId: a.assessmentId, attempted: a.attempted, passed: a.passed }))).toEqual(d.passes);
  if (d.scoreCount > 0) expect(Math.abs(figures.meanCourseScore! - d.scoreSum / d.scoreCount)).toBeLessThanOrEqual(0.005 + 1e-9);
  else expect(figures.meanCourseScore).toBeNull();
  expect(figures.placements.placed).toBe(d.placed);
  expect(Object.fromEntries(figures.skills.map((x) => [x.skillCode, { trainees: x.trainees, attained: x.attained }]))).toEqual(d.skills);
  const n = d.sortedScores.length;
  const middle = n === 0 ? null : n % 2 ? d.sortedScores[(n - 1) / 2] : (d.sortedScores[n / 2 - 1] + d.sortedScores[n / 2]) / 2;
  if (middle === null) expect(figures.medianCourseScore).toBeNull();
  else expect(Math.abs(figures.medianCourseScore! - middle)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(figures.certificationRate).toBe(d.enrolled ? Math.round((d.certified / d.enrolled) * 10000) / 10000 : null);
  expect(figures.completionRate).toBe(d.enrolled ? Math.round((d.completed / d.enrolled) * 10000) / 10000 : null);
}

describe('cohort outcome report', () => {
  it('property: every figure equals a direct count of the facts, per cohort, course and track', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 3, max: 8 }), async (seed, trainees, k) => {
        const w = await randomCohort(seed, trainees, k);
        const all = w.fakes.cohorts.enrollmentsOf.get(w.cohortId)!;
        const apps = w.fakes.cohorts.applicationsOf.get(w.cohortId)!;
        expect(w.report.applicants).toBe(new Set(apps.map((a) => a.traineeId)).size);
        expect(w.report.accepted).toBe(apps.filter((a) => a.status === 'accepted').length);
        expectFiguresMatch(w, all, w.report.overall);
        for (const c of w.report.courses) expectFiguresMatch(w, all.filter((e) => e.courseVersionId === c.versionId), c.figures);
        const cohort = w.fakes.cohorts.cohorts.get(w.cohortId)!;
        for (const t of w.report.tracks) {
          const versions = cohort.courseVersions.filter((v) => v.trackCode === t.trackCode).map((v) => v.versionId);
          expectFiguresMatch(w, all.filter((e) => versions.includes(e.courseVersionId)), t.figures);
        }
        expectDisaggregationExact(w, all, k);
        expectWeeklyActivity(w, all);
      }),
      { numRuns: 60 },
    );
  });

  it('median time to completion and median score are the middle values', async () => {
    const w = await randomCohort(7, 40, 5);
    const all = w.fakes.cohorts.enrollmentsOf.get(w.cohortId)!;
    const days = all.filter((e) => e.status === 'completed').map((e) => (e.completedAt!.getTime() - e.enrolledAt.getTime()) / DAY).sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
    expect(w.report.overall.medianDaysToCompletion).toBeCloseTo(median, 2);
  });
});

function expectWeeklyActivity(w: World, all: EnrollmentFact[]) {
  const enrolled = new Set(all.map((e) => e.traineeId));
  const activity = w.fakes.cohorts.activityOf.get(w.cohortId)!;
  w.report.weeklyActivity.forEach((week, i) => {
    const to = w.asOf.getTime() - (7 - i) * 7 * DAY;
    const from = to - 7 * DAY;
    const people = new Set(activity.filter((a) => enrolled.has(a.traineeId) && a.at.getTime() > from && a.at.getTime() <= to).map((a) => a.traineeId));
    expect(week.activeTrainees).toBe(people.size);
  });
  expect(w.report.weeklyActivity[7].activeTrainees).toBe(w.report.overall.weeklyActiveTrainees);
}

function expectDisaggregationExact(w: World, all: EnrollmentFact[], k: number) {
  const stageOf = new Map<string, number>();
  for (const e of all) {
    const live = w.fakes.certificates.all.some((c) => c.enrollmentId === e.enrollmentId && c.revokedAt === null);
    const stage = live ? 3 : OUTCOME_STAGES.indexOf(e.status);
    stageOf.set(e.traineeId, Math.max(stage, stageOf.get(e.traineeId) ?? -1));
  }
  for (const dimension of DIMENSIONS) {
    const table = w.report.disaggregation[dimension];
    table.rows.forEach((category, i) =>
      table.columns.forEach((_, j) => {
        let n = 0;
        for (const [traineeId, stage] of stageOf) {
          const p = w.people.find((x) => x.id === traineeId)!;
          const value = dimension === 'ageBand' ? ageBand(p.birthYear, w.asOf) : (p[dimension] ?? 'unknown');
          if (value === category && stage === j) n++;
        }
        if (table.cells[i][j] !== null) expect(table.cells[i][j]).toBe(n);
        if (n > 0 && n < k) expect(table.cells[i][j]).toBeNull();
      }),
    );
    expect(recoverSuppressed(table)).toEqual([]);
  }
}
