import type { OutcomeInputs } from './outcome-inputs';
import { figuresOf, OutcomeFigures } from './outcome-figures';
import { disaggregate, Dimension } from './disaggregation';
import type { SuppressedTable } from './small-cell-suppression';
import { countDistinct, DAY_MS } from './outcome-math';
import { stageByTrainee } from './disaggregation';

export const ACTIVITY_WEEKS = 8;

export interface CohortOutcomeReport {
  cohort: { id: string; name: string; startsAt: string | null; endsAt: string | null };
  asOf: string;
  minCellSize: number;
  applicants: number;
  accepted: number;
  /** Distinct trainees at each stage from application to certificate. */
  funnel: { applied: number; accepted: number; enrolled: number; completed: number; certified: number };
  overall: OutcomeFigures;
  courses: Array<{ versionId: string; courseCode: string; courseTitle: string; trackCode: string; figures: OutcomeFigures }>;
  tracks: Array<{ trackCode: string; figures: OutcomeFigures }>;
  /** Distinct active trainees per week, oldest first; the last week ends at asOf. */
  weeklyActivity: Array<{ weekStarting: string; activeTrainees: number }>;
  disaggregation: Record<Dimension, SuppressedTable>;
}

/** The outcome report of one cohort: a pure function of its facts, so it can be checked by counting. */
export function cohortOutcomeReport(inputs: OutcomeInputs): CohortOutcomeReport {
  const { cohort, enrollments } = inputs;
  const stages = [...stageByTrainee(inputs).values()];
  const trackCodes = [...new Set(cohort.courseVersions.map((v) => v.trackCode))].sort();
  const versionsOf = (track: string) => new Set(cohort.courseVersions.filter((v) => v.trackCode === track).map((v) => v.versionId));
  const applicants = countDistinct(inputs.applications, (a) => a.traineeId);
  const accepted = countDistinct(inputs.applications.filter((a) => a.status === 'accepted'), (a) => a.traineeId);
  return {
    cohort: { id: cohort.cohortId, name: cohort.name, startsAt: cohort.startsAt?.toISOString() ?? null, endsAt: cohort.endsAt?.toISOString() ?? null },
    asOf: inputs.asOf.toISOString(),
    minCellSize: inputs.minCellSize,
    applicants,
    accepted,
    funnel: {
      applied: applicants,
      accepted,
      enrolled: stages.length,
      completed: stages.filter((s) => s === 'completed' || s === 'certified').length,
      certified: stages.filter((s) => s === 'certified').length,
    },
    overall: figuresOf(enrollments, inputs),
    courses: cohort.courseVersions.map((v) => ({
      ...v,
      figures: figuresOf(enrollments.filter((e) => e.courseVersionId === v.versionId), inputs),
    })),
    tracks: trackCodes.map((trackCode) => ({
      trackCode,
      figures: figuresOf(enrollments.filter((e) => versionsOf(trackCode).has(e.courseVersionId)), inputs),
    })),
    weeklyActivity: weeklyActivity(inputs),
    disaggregation: disaggregate(inputs),
  };
}

function weeklyActivity(inputs: OutcomeInputs): CohortOutcomeReport['weeklyActivity'] {
  const end = inputs.asOf.getTime();
  const enrolled = new Set(inputs.enrollments.map((e) => e.traineeId));
  return Array.from({ length: ACTIVITY_WEEKS }, (_, w) => {
    const to = end - (ACTIVITY_WEEKS - 1 - w) * 7 * DAY_MS;
    const from = to - 7 * DAY_MS;
    const active = inputs.activity.filter((a) => enrolled.has(a.traineeId) && a.at.getTime() > from && a.at.getTime() <= to);
    return { weekStarting: new Date(from).toISOString().slice(0, 10), activeTrainees: countDistinct(active, (a) => a.traineeId) };
  });
}
