import type { OutcomeInputs } from './outcome-inputs';
import { figuresOf, OutcomeFigures } from './outcome-figures';
import { disaggregate, Dimension, stageByTrainee, SuppressedTable } from './disaggregation';
import { countDistinct, DAY_MS } from './outcome-math';
import { protectOwnFigures } from './disclosure/figure-protection';
import { protectLevels, scopeContext } from './disclosure/scope-levels';
import { isSmall } from './disclosure/suppression-reasons';
import { pipelineFigures, PipelineFigures } from './pipeline-figures';

export const ACTIVITY_WEEKS = 8;

export interface CourseFigures {
  versionId: string;
  courseCode: string;
  courseTitle: string;
  trackCode: string;
  /** null when the course has fewer than k trainees: it is counted in `otherCourses`. */
  figures: OutcomeFigures | null;
  countedIn: 'otherCourses' | null;
}

export interface CohortOutcomeReport {
  cohort: { id: string; name: string; startsAt: string | null; endsAt: string | null };
  asOf: string;
  minCellSize: number;
  applicants: number;
  accepted: number;
  /** Distinct trainees at each stage from application to certificate; completed and certified are null in a cohort of fewer than k. */
  funnel: { applied: number; accepted: number; enrolled: number; completed: number | null; certified: number | null };
  overall: OutcomeFigures;
  courses: CourseFigures[];
  /** Courses of fewer than k trainees, pooled (with the smallest others while the pool holds fewer than k). */
  otherCourses: { versionIds: string[]; figures: OutcomeFigures } | null;
  tracks: Array<{ trackCode: string; figures: OutcomeFigures | null; countedIn: 'otherTracks' | null }>;
  otherTracks: { trackCodes: string[]; figures: OutcomeFigures } | null;
  /** Distinct active trainees per week, oldest first; the last week ends at asOf; null for 1..k-1. */
  weeklyActivity: Array<{ weekStarting: string; activeTrainees: number | null }>;
  disaggregation: Record<Dimension, SuppressedTable>;
  /** The talent pipeline: the cohort's trainees listed, viewed by employers, shortlisted, interviewed, hired. */
  pipeline: PipelineFigures;
}

/**
 * The outcome report of one cohort as published: exact counts of its facts, with every figure that
 * could single out a trainee withheld (see README, "Privacy"). Pure, so it can be checked by counting.
 */
export function cohortOutcomeReport(inputs: OutcomeInputs): CohortOutcomeReport {
  const { cohort, enrollments } = inputs;
  const k = inputs.minCellSize;
  const stages = [...stageByTrainee(inputs).values()];
  const trackCodes = [...new Set(cohort.courseVersions.map((v) => v.trackCode))].sort();
  const versionsOf = (track: string) => new Set(cohort.courseVersions.filter((v) => v.trackCode === track).map((v) => v.versionId));
  const applicants = countDistinct(inputs.applications, (a) => a.traineeId);
  const accepted = countDistinct(inputs.applications.filter((a) => a.status === 'accepted'), (a) => a.traineeId);
  const overall = figuresOf(enrollments, inputs);
  protectOwnFigures(overall, scopeContext(enrollments, inputs), k, true);
  const [courses, tracks] = protectLevels(
    [
      cohort.courseVersions.map((v) => ({ key: v.versionId, enrollments: enrollments.filter((e) => e.courseVersionId === v.versionId) })),
      trackCodes.map((t) => ({ key: t, enrollments: enrollments.filter((e) => versionsOf(t).has(e.courseVersionId)) })),
    ],
    inputs,
  );
  const tiny = isSmall(stages.length, k);
  return {
    cohort: { id: cohort.cohortId, name: cohort.name, startsAt: cohort.startsAt?.toISOString() ?? null, endsAt: cohort.endsAt?.toISOString() ?? null },
    asOf: inputs.asOf.toISOString(),
    minCellSize: k,
    applicants,
    accepted,
    funnel: {
      applied: applicants,
      accepted,
      enrolled: stages.length,
      completed: tiny ? null : stages.filter((s) => s === 'completed' || s === 'certified').length,
      certified: tiny ? null : stages.filter((s) => s === 'certified').length,
    },
    overall,
    courses: cohort.courseVersions.map((v) => ({ ...v, figures: courses.figures.get(v.versionId)!, countedIn: courses.figures.get(v.versionId) ? null : 'otherCourses' })),
    otherCourses: courses.other && { versionIds: courses.other.keys, figures: courses.other.figures },
    tracks: trackCodes.map((trackCode) => ({ trackCode, figures: tracks.figures.get(trackCode)!, countedIn: tracks.figures.get(trackCode) ? null : 'otherTracks' })),
    otherTracks: tracks.other && { trackCodes: tracks.other.keys, figures: tracks.other.figures },
    weeklyActivity: weeklyActivity(inputs, tiny),
    disaggregation: disaggregate(inputs),
    pipeline: pipelineFigures(inputs),
  };
}

/** Weekly counts of 1..k-1 are withheld; in a cohort of fewer than k, all of them. */
function weeklyActivity(inputs: OutcomeInputs, tiny: boolean): CohortOutcomeReport['weeklyActivity'] {
  const end = inputs.asOf.getTime();
  const week = 7 * DAY_MS;
  const enrolled = new Set(inputs.enrollments.map((e) => e.traineeId));
  // One pass: an action `back` ms before asOf falls in the window counted floor(back / week) back
  // (window w runs from its `to` − 7 d, exclusive, to `to`, inclusive).
  const activeIn = Array.from({ length: ACTIVITY_WEEKS }, () => new Set<string>());
  for (const a of inputs.activity) {
    const back = end - a.at.getTime();
    if (back < 0 || back >= ACTIVITY_WEEKS * week || !enrolled.has(a.traineeId)) continue;
    activeIn[ACTIVITY_WEEKS - 1 - Math.floor(back / week)].add(a.traineeId);
  }
  return activeIn.map((trainees, w) => {
    const from = end - (ACTIVITY_WEEKS - w) * week;
    const active = trainees.size;
    return { weekStarting: new Date(from).toISOString().slice(0, 10), activeTrainees: tiny || isSmall(active, inputs.minCellSize) ? null : active };
  });
}
