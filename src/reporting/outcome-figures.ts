import type { Suppression } from './disclosure/suppression-reasons';
import type { EnrollmentFact } from './ports/cohort-facts.source';
import type { OutcomeInputs } from './outcome-inputs';
import { countDistinct, DAY_MS, mean, median, rate, round2 } from './outcome-math';

/** Counts and rates are null where withheld; the scope's `suppressed` list says which and why. */
export interface AssessmentFigures {
  assessmentId: string;
  title: string;
  attempted: number | null;
  passed: number | null;
  passRate: number | null;
}

export interface SkillFigures {
  skillCode: string;
  /** Trainees enrolled in a course version that assesses this skill. */
  trainees: number | null;
  attained: number | null;
  attainmentRate: number | null;
}

export interface PlacementFigures {
  placed: number | null;
  placementRate: number | null;
  followUp3Months: { recorded: number | null; stillInRole: number | null };
  followUp6Months: { recorded: number | null; stillInRole: number | null };
}

/** The figures of one scope: a cohort, one course version in it, or one track in it. */
export interface OutcomeFigures {
  trainees: number;
  enrolled: number;
  active: number | null;
  withdrawn: number | null;
  completed: number | null;
  completionRate: number | null;
  certified: number | null;
  certificationRate: number | null;
  atRisk: number | null;
  weeklyActiveTrainees: number | null;
  meanCourseScore: number | null;
  medianCourseScore: number | null;
  medianDaysToCompletion: number | null;
  assessments: AssessmentFigures[];
  skills: SkillFigures[];
  placements: PlacementFigures;
  /** The figures withheld in this scope, with the reason. */
  suppressed: Suppression[];
}

/**
 * Figures over a set of enrollments. Status counts are of enrollments; trainee counts (weekly
 * active, skills, placements) are of distinct trainees holding one of these enrollments.
 */
export function figuresOf(scope: EnrollmentFact[], inputs: OutcomeInputs): OutcomeFigures {
  const ids = new Set(scope.map((e) => e.enrollmentId));
  const trainees = new Set(scope.map((e) => e.traineeId));
  const completed = scope.filter((e) => e.status === 'completed');
  const certified = inputs.certificates.filter((c) => ids.has(c.enrollmentId) && c.revokedAt === null);
  const scores = scope.map((e) => inputs.scores.get(e.enrollmentId)).filter((s): s is number => s !== undefined);
  const days = completed.filter((e) => e.completedAt).map((e) => (e.completedAt!.getTime() - e.enrolledAt.getTime()) / DAY_MS);
  const activeLastWeek = activeInLastWeek(inputs);
  let weeklyActive = 0;
  for (const t of trainees) if (activeLastWeek.has(t)) weeklyActive++;
  return {
    trainees: trainees.size,
    enrolled: scope.length,
    active: scope.filter((e) => e.status === 'active').length,
    withdrawn: scope.filter((e) => e.status === 'withdrawn').length,
    completed: completed.length,
    completionRate: rate(completed.length, scope.length),
    certified: countDistinct(certified, (c) => c.enrollmentId),
    certificationRate: rate(countDistinct(certified, (c) => c.enrollmentId), scope.length),
    atRisk: scope.filter((e) => e.status === 'active' && e.atRisk).length,
    weeklyActiveTrainees: weeklyActive,
    meanCourseScore: mean(scores),
    medianCourseScore: median(scores),
    medianDaysToCompletion: round2(median(days)),
    assessments: assessmentFigures(scope, ids, inputs),
    skills: skillFigures(scope, ids, inputs),
    placements: placementFigures(trainees, inputs),
    suppressed: [],
  };
}

const lastWeekCache = new WeakMap<OutcomeInputs['activity'], { asOf: number; trainees: Set<string> }>();

/** Trainees with an action in the 7 days up to asOf (after asOf − 7 d, up to asOf inclusive); computed once per inputs, not per scope. */
function activeInLastWeek(inputs: OutcomeInputs): Set<string> {
  const asOf = inputs.asOf.getTime();
  const cached = lastWeekCache.get(inputs.activity);
  if (cached?.asOf === asOf) return cached.trainees;
  const trainees = new Set<string>();
  for (const a of inputs.activity) {
    const at = a.at.getTime();
    if (at > asOf - 7 * DAY_MS && at <= asOf) trainees.add(a.traineeId);
  }
  lastWeekCache.set(inputs.activity, { asOf, trainees });
  return trainees;
}

function assessmentFigures(scope: EnrollmentFact[], ids: Set<string>, inputs: OutcomeInputs): AssessmentFigures[] {
  const versions = new Set(scope.map((e) => e.courseVersionId));
  // One pass over the results (500,000 at the scale target), not one per assessment.
  const attempted = new Map<string, Set<string>>();
  const passed = new Map<string, Set<string>>();
  for (const r of inputs.results) {
    if (!ids.has(r.enrollmentId)) continue;
    addTo(attempted, r.assessmentId, r.enrollmentId);
    if (r.passed) addTo(passed, r.assessmentId, r.enrollmentId);
  }
  return inputs.assessments
    .filter((a) => versions.has(a.versionId))
    .map((a) => {
      const tried = attempted.get(a.assessmentId)?.size ?? 0;
      const ok = passed.get(a.assessmentId)?.size ?? 0;
      return { assessmentId: a.assessmentId, title: a.title, attempted: tried, passed: ok, passRate: rate(ok, tried) };
    });
}

function skillFigures(scope: EnrollmentFact[], ids: Set<string>, inputs: OutcomeInputs): SkillFigures[] {
  const codes = [...new Set(inputs.assessments.flatMap((a) => a.skillCodes))].sort();
  const traineeOf = new Map(scope.map((e) => [e.enrollmentId, e.traineeId]));
  const skillsOf = new Map(inputs.assessments.map((a) => [a.assessmentId, a.skillCodes]));
  const attained = new Map<string, Set<string>>();
  for (const r of inputs.results) {
    if (!r.passed || !ids.has(r.enrollmentId)) continue;
    for (const code of skillsOf.get(r.assessmentId) ?? []) addTo(attained, code, traineeOf.get(r.enrollmentId)!);
  }
  return codes.flatMap((skillCode) => {
    const versions = new Set(inputs.assessments.filter((a) => a.skillCodes.includes(skillCode)).map((a) => a.versionId));
    const trainees = new Set(scope.filter((e) => versions.has(e.courseVersionId)).map((e) => e.traineeId));
    if (trainees.size === 0) return [];
    const count = attained.get(skillCode)?.size ?? 0;
    return [{ skillCode, trainees: trainees.size, attained: count, attainmentRate: rate(count, trainees.size) }];
  });
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

function placementFigures(trainees: Set<string>, inputs: OutcomeInputs): PlacementFigures {
  const mine = inputs.placements.filter((p) => trainees.has(p.traineeId));
  const followUp = (month: 3 | 6) => {
    const recorded = mine.flatMap((p) => p.followUps.filter((f) => f.month === month));
    return { recorded: recorded.length, stillInRole: recorded.filter((f) => f.stillInRole).length };
  };
  const placed = countDistinct(mine, (p) => p.traineeId);
  return { placed, placementRate: rate(placed, trainees.size), followUp3Months: followUp(3), followUp6Months: followUp(6) };
}
