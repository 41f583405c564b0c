/**
 * How rubric scores add up. A reviewer's total is the weighted mean of their criterion scores,
 * each as a share of its maximum, on a 0–100 scale; it counts only once they scored every
 * criterion. An application's aggregate is the mean of its reviewers' totals, its spread the
 * difference between the highest and the lowest total (how much reviewers disagree).
 */
export interface Criterion {
  id: string;
  weight: number;
  maxScore: number;
}

export interface CriterionScore {
  reviewerId: string;
  criterionId: string;
  score: number;
}

export interface ReviewerTotal {
  reviewerId: string;
  /** 0–100, two decimals; null until the reviewer scored every criterion. */
  total: number | null;
  scores: Array<{ criterionId: string; score: number }>;
}

export interface ScoreSummary {
  aggregate: number | null;
  spread: number | null;
  reviewers: ReviewerTotal[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarise(criteria: Criterion[], scores: CriterionScore[]): ScoreSummary {
  const byReviewer = new Map<string, CriterionScore[]>();
  for (const s of scores) byReviewer.set(s.reviewerId, [...(byReviewer.get(s.reviewerId) ?? []), s]);
  const weightSum = criteria.reduce((sum, c) => sum + c.weight, 0);
  const reviewers: ReviewerTotal[] = [...byReviewer].map(([reviewerId, given]) => {
    const of = new Map(given.map((s) => [s.criterionId, s.score]));
    const complete = criteria.length > 0 && criteria.every((c) => of.has(c.id));
    const total = complete ? round2((100 * criteria.reduce((sum, c) => sum + c.weight * (of.get(c.id)! / c.maxScore), 0)) / weightSum) : null;
    const order = new Map(criteria.map((c, i) => [c.id, i]));
    const sorted = given.map((s) => ({ criterionId: s.criterionId, score: s.score })).sort((a, b) => (order.get(a.criterionId) ?? 99) - (order.get(b.criterionId) ?? 99));
    return { reviewerId, total, scores: sorted };
  });
  const totals = reviewers.map((r) => r.total).filter((t): t is number => t !== null);
  if (totals.length === 0) return { aggregate: null, spread: null, reviewers };
  return {
    aggregate: round2(totals.reduce((a, b) => a + b, 0) / totals.length),
    spread: round2(Math.max(...totals) - Math.min(...totals)),
    reviewers,
  };
}

/**
 * Standard competition ranking by score, highest first ("1, 2, 2, 4"): tied applications share a
 * rank and each knows how many others share its score. Unscored ones have no rank.
 */
export function rankWithTies<T extends { id: string; score: number | null }>(items: T[]): Map<string, { rank: number | null; tiedWith: number }> {
  const counts = new Map<number, number>();
  for (const i of items) if (i.score !== null) counts.set(i.score, (counts.get(i.score) ?? 0) + 1);
  const distinct = [...counts.keys()].sort((a, b) => b - a);
  const rankOf = new Map<number, number>();
  let above = 0;
  for (const score of distinct) {
    rankOf.set(score, above + 1);
    above += counts.get(score)!;
  }
  return new Map(items.map((i) => [i.id, i.score === null ? { rank: null, tiedWith: 0 } : { rank: rankOf.get(i.score)!, tiedWith: counts.get(i.score)! - 1 }]));
}
