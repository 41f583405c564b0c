import type { OutcomeInputs, PersonFact } from './outcome-inputs';
import { suppressTable, SuppressedTable } from './small-cell-suppression';

/** Each trainee counted once, at the furthest stage any of their enrollments reached. */
export const OUTCOME_STAGES = ['withdrawn', 'active', 'completed', 'certified'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export const DIMENSIONS = ['gender', 'ageBand', 'district', 'employer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const UNKNOWN = 'unknown';

export function ageBand(birthYear: number | null, asOf: Date): string {
  if (birthYear === null) return UNKNOWN;
  const age = asOf.getUTCFullYear() - birthYear;
  if (age < 25) return 'under 25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  return '45 and over';
}

export function categoryOf(dimension: Dimension, person: PersonFact | undefined, asOf: Date): string {
  if (!person) return UNKNOWN;
  if (dimension === 'ageBand') return ageBand(person.birthYear, asOf);
  return person[dimension]?.trim() || UNKNOWN;
}

export function stageByTrainee(inputs: OutcomeInputs): Map<string, OutcomeStage> {
  const certified = new Set(inputs.certificates.filter((c) => c.revokedAt === null).map((c) => c.enrollmentId));
  const stages = new Map<string, OutcomeStage>();
  for (const e of inputs.enrollments) {
    const stage: OutcomeStage = certified.has(e.enrollmentId) ? 'certified' : e.status;
    const before = stages.get(e.traineeId);
    if (!before || OUTCOME_STAGES.indexOf(stage) > OUTCOME_STAGES.indexOf(before)) stages.set(e.traineeId, stage);
  }
  return stages;
}

/** Category × stage counts of trainees, then suppressed so that no cell under k can be worked out. */
export function disaggregate(inputs: OutcomeInputs): Record<Dimension, SuppressedTable> {
  const stages = stageByTrainee(inputs);
  const out = {} as Record<Dimension, SuppressedTable>;
  for (const dimension of DIMENSIONS) {
    const counts = new Map<string, number[]>();
    for (const [traineeId, stage] of stages) {
      const category = categoryOf(dimension, inputs.people.get(traineeId), inputs.asOf);
      const row = counts.get(category) ?? OUTCOME_STAGES.map(() => 0);
      row[OUTCOME_STAGES.indexOf(stage)] += 1;
      counts.set(category, row);
    }
    const rows = [...counts.keys()].sort();
    out[dimension] = suppressTable(rows, [...OUTCOME_STAGES], rows.map((r) => counts.get(r)!), inputs.minCellSize);
  }
  return out;
}
