import type { OutcomeInputs } from './outcome-inputs';
import { figuresOf, OutcomeFigures } from './outcome-figures';
import { cohortOutcomeReport, CohortOutcomeReport } from './cohort-outcome-report';
import type { Dimension } from './disaggregation';
import type { SuppressedTable } from './small-cell-suppression';

export interface CrossCohortReport {
  asOf: string;
  minCellSize: number;
  cohorts: Array<{ cohort: CohortOutcomeReport['cohort']; funnel: CohortOutcomeReport['funnel']; overall: OutcomeFigures }>;
  /** Figures over every enrollment of every listed cohort together. */
  overall: OutcomeFigures;
  funnel: CohortOutcomeReport['funnel'];
  tracks: Array<{ trackCode: string; figures: OutcomeFigures }>;
  disaggregation: Record<Dimension, SuppressedTable>;
}

/** Outcomes across cohorts: each cohort's headline, and the figures of all of them pooled. */
export function crossCohortReport(all: OutcomeInputs[], asOf: Date, minCellSize: number): CrossCohortReport {
  const pooled: OutcomeInputs = {
    cohort: {
      cohortId: 'all',
      name: 'All cohorts',
      instructorIds: [],
      courseVersions: dedupe(all.flatMap((i) => i.cohort.courseVersions), (v) => v.versionId),
      startsAt: null,
      endsAt: null,
    },
    applications: all.flatMap((i) => i.applications),
    enrollments: all.flatMap((i) => i.enrollments),
    activity: all.flatMap((i) => i.activity),
    results: all.flatMap((i) => i.results),
    assessments: dedupe(all.flatMap((i) => i.assessments), (a) => a.assessmentId),
    scores: new Map(all.flatMap((i) => [...i.scores])),
    certificates: all.flatMap((i) => i.certificates),
    people: new Map(all.flatMap((i) => [...i.people])),
    placements: all.flatMap((i) => i.placements),
    asOf,
    minCellSize,
  };
  const whole = cohortOutcomeReport(pooled);
  return {
    asOf: asOf.toISOString(),
    minCellSize,
    cohorts: all.map((inputs) => {
      const one = cohortOutcomeReport(inputs);
      return { cohort: one.cohort, funnel: one.funnel, overall: figuresOf(inputs.enrollments, inputs) };
    }),
    overall: whole.overall,
    funnel: whole.funnel,
    tracks: whole.tracks,
    disaggregation: whole.disaggregation,
  };
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
