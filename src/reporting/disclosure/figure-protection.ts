import type { AssessmentFigures, OutcomeFigures, SkillFigures } from '../outcome-figures';
import { isSmall, isSmallSplit, SuppressionReason } from './suppression-reasons';

/** Figures that are withheld together: one of them gives the others away by sums or bounds. */
export const FAMILIES = {
  status: ['active', 'withdrawn', 'completed', 'certified', 'atRisk', 'completionRate', 'certificationRate', 'medianDaysToCompletion'],
  weekly: ['weeklyActiveTrainees'],
  scores: ['meanCourseScore', 'medianCourseScore'],
  placements: ['placements.placed', 'placements.placementRate', 'placements.followUp3Months', 'placements.followUp6Months'],
} as const;
export type Family = keyof typeof FAMILIES | `skill:${string}`;

/** What protecting one scope needs beyond its figures: how many of its enrollments hold a course score. */
export interface ScopeContext {
  scoredEnrollments: number;
  /** The skills each assessment evidences. */
  skillsOf: Map<string, string[]>;
}

/**
 * Withholds, in place, what one scope's own figures would give away on their own: everything but
 * its size when the scope has fewer than k trainees; statistics over fewer than k; assessment, skill,
 * placement and weekly figures that count (or leave out) 1..k-1 trainees. `population` is the
 * cohort itself, whose headline counts of stages are the report's purpose and are published.
 * Answers the families with a small count, which a scope among siblings must withhold everywhere.
 */
export function protectOwnFigures(f: OutcomeFigures, ctx: ScopeContext, k: number, population: boolean): Set<Family> {
  const flagged = new Set<Family>();
  if (isSmall(f.trainees, k)) {
    for (const family of Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>) hideFamily(f, family, 'fewer-than-k-trainees');
    f.assessments.forEach((a) => hideAssessment(f, a, ['attempted', 'passed', 'passRate'], 'fewer-than-k-trainees'));
    f.skills.forEach((s) => hideSkill(f, s, ['trainees', 'attained', 'attainmentRate'], 'fewer-than-k-trainees'));
    // Among siblings (a pooled "other" can stay under k when trainees of its groups overlap), every
    // family is then unknown here, so the siblings must withhold it too or the cohort's totals
    // minus theirs would give this scope's counts away.
    if (!population) {
      for (const family of Object.keys(FAMILIES) as Array<keyof typeof FAMILIES>) flagged.add(family);
      f.skills.forEach((s) => flagged.add(`skill:${s.skillCode}`));
    }
    return flagged;
  }
  protectAssessments(f, k);
  protectSkills(f, ctx, k, flagged);
  if (isSmall(f.completed ?? 0, k)) hide(f, 'medianDaysToCompletion', 'fewer-than-k-trainees');
  if (isSmall(ctx.scoredEnrollments, k)) {
    hideFamily(f, 'scores', 'fewer-than-k-trainees');
    flagged.add('scores');
  }
  if (isSmall(f.weeklyActiveTrainees ?? 0, k)) {
    hideFamily(f, 'weekly', 'small-count');
    flagged.add('weekly');
  }
  protectPlacements(f, k, population, flagged);
  if (!population && ['active', 'withdrawn', 'completed', 'certified', 'atRisk'].some((m) => isSmallSplit(value(f, m), f.enrolled, k))) flagged.add('status');
  return flagged;
}

function protectAssessments(f: OutcomeFigures, k: number): void {
  for (const a of f.assessments) {
    if (isSmall(a.attempted ?? 0, k)) hideAssessment(f, a, ['attempted', 'passed', 'passRate'], 'fewer-than-k-trainees');
    else if (isSmallSplit(a.passed ?? 0, a.attempted ?? 0, k)) hideAssessment(f, a, ['passed', 'passRate'], 'small-count');
  }
}

/** A skill's attainment counts passes: withheld with any pass count of an assessment teaching it. */
function protectSkills(f: OutcomeFigures, ctx: ScopeContext, k: number, flagged: Set<Family>): void {
  for (const s of f.skills) {
    if (isSmall(s.trainees ?? 0, k)) hideSkill(f, s, ['trainees', 'attained', 'attainmentRate'], 'fewer-than-k-trainees');
    else if (isSmallSplit(s.attained ?? 0, s.trainees ?? 0, k)) hideSkill(f, s, ['attained', 'attainmentRate'], 'small-count');
    else if (f.assessments.some((a) => a.passed === null && (ctx.skillsOf.get(a.assessmentId) ?? []).includes(s.skillCode))) hideSkill(f, s, ['attained', 'attainmentRate'], 'complementary');
    else continue;
    flagged.add(`skill:${s.skillCode}`);
  }
}

function protectPlacements(f: OutcomeFigures, k: number, population: boolean, flagged: Set<Family>): void {
  const p = f.placements;
  if (!population && isSmallSplit(p.placed ?? 0, f.trainees, k)) flagged.add('placements');
  for (const key of ['followUp3Months', 'followUp6Months'] as const) {
    const followUp = p[key];
    if (isSmall(followUp.recorded ?? 0, k)) {
      followUp.recorded = null;
      followUp.stillInRole = null;
      f.suppressed.push({ metric: `placements.${key}`, reason: 'fewer-than-k-trainees' });
      flagged.add('placements');
    } else if (isSmallSplit(followUp.stillInRole ?? 0, followUp.recorded ?? 0, k)) {
      followUp.stillInRole = null;
      f.suppressed.push({ metric: `placements.${key}.stillInRole`, reason: 'small-count' });
      flagged.add('placements');
    }
  }
}

/** Withholds a family in a scope (a no-op for figures withheld already). */
export function hideFamily(f: OutcomeFigures, family: Family, reason: SuppressionReason): void {
  if (family.startsWith('skill:')) {
    const s = f.skills.find((x) => x.skillCode === family.slice(6));
    if (s) hideSkill(f, s, ['attained', 'attainmentRate'], reason);
    return;
  }
  for (const metric of FAMILIES[family as keyof typeof FAMILIES]) {
    if (metric.startsWith('placements.')) hidePlacement(f, metric.slice(11), reason);
    else hide(f, metric as keyof OutcomeFigures, reason);
  }
}

function hide(f: OutcomeFigures, metric: keyof OutcomeFigures, reason: SuppressionReason): void {
  if (f[metric] === null || f.suppressed.some((s) => s.metric === metric)) return;
  (f as unknown as Record<string, unknown>)[metric] = null;
  f.suppressed.push({ metric, reason });
}

function hidePlacement(f: OutcomeFigures, key: string, reason: SuppressionReason): void {
  const p = f.placements as unknown as Record<string, unknown>;
  if (f.suppressed.some((s) => s.metric === `placements.${key}`)) return;
  if (key === 'followUp3Months' || key === 'followUp6Months') {
    const followUp = p[key] as { recorded: number | null; stillInRole: number | null };
    if (followUp.recorded === null) return;
    followUp.recorded = null;
    followUp.stillInRole = null;
  } else {
    if (p[key] === null) return;
    p[key] = null;
  }
  f.suppressed.push({ metric: `placements.${key}`, reason });
}

function hideAssessment(f: OutcomeFigures, a: AssessmentFigures, keys: Array<'attempted' | 'passed' | 'passRate'>, reason: SuppressionReason): void {
  for (const key of keys) a[key] = null;
  f.suppressed.push({ metric: `assessments.${a.assessmentId}`, reason });
}

function hideSkill(f: OutcomeFigures, s: SkillFigures, keys: Array<'trainees' | 'attained' | 'attainmentRate'>, reason: SuppressionReason): void {
  if (keys.every((key) => s[key] === null)) return;
  for (const key of keys) s[key] = null;
  f.suppressed.push({ metric: `skills.${s.skillCode}`, reason });
}

function value(f: OutcomeFigures, metric: string): number {
  return ((f as unknown as Record<string, number | null>)[metric] ?? 0) as number;
}
