import type { EnrollmentFact } from '../ports/cohort-facts.source';
import type { OutcomeInputs } from '../outcome-inputs';
import { figuresOf, FiguresMemo, OutcomeFigures } from '../outcome-figures';
import { recodeCategories } from './category-recoding';
import { Family, hideFamily, protectOwnFigures, ScopeContext } from './figure-protection';

/** A group of enrollments below the cohort: a course version or a track. */
export interface ScopeGroup {
  key: string;
  enrollments: EnrollmentFact[];
}

export interface ProtectedLevel {
  /** Figures of each group with at least k trainees; null for groups counted in `other`. */
  figures: Map<string, OutcomeFigures | null>;
  /** The groups of fewer than k trainees pooled (and, while that pool is small, the smallest others). */
  other: { keys: string[]; figures: OutcomeFigures } | null;
}

export function scopeContext(scope: EnrollmentFact[], inputs: OutcomeInputs): ScopeContext {
  return {
    scoredEnrollments: scope.filter((e) => inputs.scores.has(e.enrollmentId)).length,
    skillsOf: new Map(inputs.assessments.map((a) => [a.assessmentId, a.skillCodes])),
  };
}

/**
 * Course and track figures, protected together. Groups of fewer than k trainees are pooled as
 * "other" (global recoding), so every listed group holds at least k. Then, because the groups of a
 * level add up to the cohort's published figures, a family of figures with a small count in any
 * group is withheld in every group of both levels: a reader knows only each group's size (at least
 * k) and the cohort's totals, whose two-way bounds cannot pin a count inside 1..k-1.
 */
export function protectLevels(levels: ScopeGroup[][], inputs: OutcomeInputs, memo?: FiguresMemo): ProtectedLevel[] {
  const k = inputs.minCellSize;
  const built = levels.map((groups) => buildLevel(groups, inputs, memo));
  const flaggedBy = new Map<OutcomeFigures, Set<Family>>();
  for (const level of built) {
    const all = allFigures(level);
    // Only one group with anyone in it: it is the cohort itself, protected as the cohort is.
    const single = all.length === 1;
    for (const [figures, scope] of all) flaggedBy.set(figures, single ? new Set() : protectOwnFigures(figures, scopeContext(scope, inputs), k, false));
    if (single) protectOwnFigures(all[0][0], scopeContext(all[0][1], inputs), k, true);
  }
  const flagged = new Set([...flaggedBy.values()].flatMap((s) => [...s]));
  for (const level of built) {
    const all = allFigures(level);
    if (all.length === 1) continue;
    for (const [figures] of all) for (const family of flagged) hideFamily(figures, family, flaggedBy.get(figures)!.has(family) ? 'small-count' : 'complementary');
  }
  return built.map((level) => level.result);
}

interface BuiltLevel {
  result: ProtectedLevel;
  scopes: Map<OutcomeFigures, EnrollmentFact[]>;
}

function buildLevel(groups: ScopeGroup[], inputs: OutcomeInputs, memo: FiguresMemo | undefined): BuiltLevel {
  const sizes = new Map(groups.map((g) => [g.key, new Set(g.enrollments.map((e) => e.traineeId)).size]));
  const recoding = recodeCategories(sizes, inputs.minCellSize);
  const scopes = new Map<OutcomeFigures, EnrollmentFact[]>();
  const figures = new Map<string, OutcomeFigures | null>();
  const pooled: string[] = [];
  for (const g of groups) {
    // A group nobody is in publishes zeros, which give nothing away.
    if (sizes.get(g.key) === 0 || recoding.rowOf.get(g.key) === g.key) {
      const f = figuresOf(g.enrollments, inputs, memo);
      scopes.set(f, g.enrollments);
      figures.set(g.key, f);
    } else {
      pooled.push(g.key);
      figures.set(g.key, null);
    }
  }
  let other: ProtectedLevel['other'] = null;
  if (pooled.length > 0) {
    const scope = groups.filter((g) => pooled.includes(g.key)).flatMap((g) => g.enrollments);
    other = { keys: pooled, figures: figuresOf(scope, inputs, memo) };
    scopes.set(other.figures, scope);
  }
  return { result: { figures, other }, scopes };
}

/** The groups with trainees: an empty group publishes zeros and takes no part in protection. */
function allFigures(level: BuiltLevel): Array<[OutcomeFigures, EnrollmentFact[]]> {
  return [...level.scopes].filter(([, scope]) => scope.length > 0);
}
