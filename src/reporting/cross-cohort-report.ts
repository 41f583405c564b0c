import type { OutcomeInputs } from './outcome-inputs';
import { cohortOutcomeReport, CohortOutcomeReport } from './cohort-outcome-report';
import type { OutcomeFigures } from './outcome-figures';
import { rate } from './outcome-math';
import { PipelineFigures, PIPELINE_STAGES, PipelineStage } from './pipeline-figures';

const POOLED_COUNTS = ['trainees', 'enrolled', 'active', 'withdrawn', 'completed', 'certified', 'atRisk'] as const;
type PooledCount = (typeof POOLED_COUNTS)[number];

/** Sums of the cohorts' published counts; null when any cohort withholds that count. */
export type PooledFigures = Record<PooledCount, number | null> & { completionRate: number | null; certificationRate: number | null };

export interface CrossCohortReport {
  asOf: string;
  minCellSize: number;
  /** Each cohort's headline, exactly as its own report publishes it. */
  cohorts: Array<{ cohort: CohortOutcomeReport['cohort']; funnel: CohortOutcomeReport['funnel']; overall: OutcomeFigures; pipeline: PipelineFigures }>;
  /** Figures over every listed cohort together: sums of the published figures above, nothing more. */
  overall: PooledFigures;
  funnel: Record<keyof CohortOutcomeReport['funnel'], number | null>;
  /** Talent-pipeline stages over every listed cohort: sums of the cohorts' published figures. */
  pipeline: Record<PipelineStage, number | null>;
}

/**
 * Outcomes across cohorts. It publishes only each cohort's protected headline and sums of those
 * figures: a pooled breakdown (by track, gender...) would be a second table over the same trainees,
 * and its difference with a cohort's own table could give away what that table withholds.
 */
export function crossCohortReport(all: OutcomeInputs[], asOf: Date, minCellSize: number): CrossCohortReport {
  const cohorts = all.map((inputs) => {
    const one = cohortOutcomeReport(inputs);
    return { cohort: one.cohort, funnel: one.funnel, overall: one.overall, pipeline: one.pipeline };
  });
  const sum = (values: Array<number | null>) => (values.some((v) => v === null) ? null : values.reduce((a: number, b) => a + b!, 0));
  const overall = Object.fromEntries(POOLED_COUNTS.map((m) => [m, sum(cohorts.map((c) => c.overall[m]))])) as Record<PooledCount, number | null>;
  const funnelKeys = ['applied', 'accepted', 'enrolled', 'completed', 'certified'] as const;
  return {
    asOf: asOf.toISOString(),
    minCellSize,
    cohorts,
    overall: {
      ...overall,
      completionRate: overall.completed === null || overall.enrolled === null ? null : rate(overall.completed, overall.enrolled),
      certificationRate: overall.certified === null || overall.enrolled === null ? null : rate(overall.certified, overall.enrolled),
    },
    funnel: Object.fromEntries(funnelKeys.map((m) => [m, sum(cohorts.map((c) => c.funnel[m]))])) as CrossCohortReport['funnel'],
    // Withheld in one cohort means withheld in the sum: otherwise the sum minus the published
    // cohorts would give the withheld figure away.
    pipeline: Object.fromEntries(PIPELINE_STAGES.map((m) => [m, sum(cohorts.map((c) => c.pipeline[m]))])) as CrossCohortReport['pipeline'],
  };
}
