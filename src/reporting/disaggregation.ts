import type { OutcomeInputs, PersonFact } from './outcome-inputs';
import { NOT_GIVEN, recodeCategories } from './disclosure/category-recoding';
import { stageColumnsToWithhold } from './disclosure/stage-column-suppression';
import { isSmall, SuppressionReason } from './disclosure/suppression-reasons';

/** Each trainee counted once, at the furthest stage any of their enrollments reached. */
export const OUTCOME_STAGES = ['withdrawn', 'active', 'completed', 'certified'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export const DIMENSIONS = ['gender', 'ageBand', 'district', 'employer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * A category × stage table as published. Row totals (categories of at least k trainees after
 * recoding) and column totals (the cohort's stage counts) are always published; cells of withheld
 * stage columns are null. A table is withheld whole (no rows) when the cohort has fewer than k
 * trainees or fewer than two categories remain.
 */
export interface SuppressedTable {
  rows: string[];
  columns: string[];
  /** null where withheld. */
  cells: Array<Array<number | null>>;
  rowTotals: number[];
  /** The stage counts; null when the cohort itself has fewer than k trainees. */
  columnTotals: Array<number | null>;
  grandTotal: number;
  /** Trainees whose value is not held (no consent, or left empty); null when 1..k-1 (counted in "other"). */
  notGiven: number | null;
  /** Categories held by fewer than k trainees, merged into "other". */
  mergedIntoOther: number;
  withheldColumns: string[];
  withheld: null | { reason: SuppressionReason | 'fewer-than-two-categories' };
}

export function ageBand(birthYear: number | null, asOf: Date): string {
  if (birthYear === null) return NOT_GIVEN;
  const age = asOf.getUTCFullYear() - birthYear;
  if (age < 25) return 'under 25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  return '45 and over';
}

/** A trainee's category before recoding: the listed value, "other", or "not given". */
export function categoryOf(dimension: Dimension, person: PersonFact | undefined, asOf: Date): string {
  if (!person) return NOT_GIVEN;
  if (dimension === 'ageBand') return ageBand(person.birthYear, asOf);
  return person[dimension]?.trim() || NOT_GIVEN;
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

/** Category × stage counts of trainees, recoded and withheld so that no count under k can be worked out. */
export function disaggregate(inputs: OutcomeInputs, stages = stageByTrainee(inputs)): Record<Dimension, SuppressedTable> {
  const out = {} as Record<Dimension, SuppressedTable>;
  // Each trainee's person looked up once, not once per dimension.
  const trainees = [...stages].map(([traineeId, stage]) => ({ person: inputs.people.get(traineeId), stage }));
  for (const dimension of DIMENSIONS) {
    const byTrainee = trainees.map(({ person, stage }) => ({ category: categoryOf(dimension, person, inputs.asOf), stage }));
    out[dimension] = protectedTable(byTrainee, inputs.minCellSize);
  }
  return out;
}

export function protectedTable(byTrainee: Array<{ category: string; stage: OutcomeStage }>, k: number): SuppressedTable {
  const columns = [...OUTCOME_STAGES];
  const stageTotals = columns.map(() => 0);
  const sizes = new Map<string, number>();
  for (const t of byTrainee) {
    const column = columns.indexOf(t.stage);
    if (column >= 0) stageTotals[column]++;
    sizes.set(t.category, (sizes.get(t.category) ?? 0) + 1);
  }
  const grandTotal = byTrainee.length;
  const notGivenCount = sizes.get(NOT_GIVEN) ?? 0;
  const empty = { rows: [], columns, cells: [], rowTotals: [], grandTotal, withheldColumns: [] };
  if (isSmall(grandTotal, k)) {
    return { ...empty, columnTotals: columns.map(() => null), notGiven: notGivenCount === 0 ? 0 : null, mergedIntoOther: 0, withheld: { reason: 'fewer-than-k-trainees' } };
  }
  const recoding = recodeCategories(sizes, k);
  // Published only as a row of its own (or 0): "other" minus a merged "not given" would name a small group.
  const notGiven = notGivenCount === 0 || recoding.rowOf.get(NOT_GIVEN) === NOT_GIVEN ? notGivenCount : null;
  if (recoding.rows.length < 2) {
    return { ...empty, columnTotals: stageTotals, notGiven, mergedIntoOther: recoding.merged, withheld: { reason: 'fewer-than-two-categories' } };
  }
  const counts = recoding.rows.map(() => columns.map(() => 0));
  for (const t of byTrainee) counts[recoding.rows.indexOf(recoding.rowOf.get(t.category)!)][columns.indexOf(t.stage)]++;
  const withheld = stageColumnsToWithhold(counts, k);
  return {
    rows: recoding.rows,
    columns,
    cells: counts.map((row) => row.map((v, j) => (withheld.has(j) ? null : v))),
    rowTotals: counts.map((row) => row.reduce((a, b) => a + b, 0)),
    columnTotals: stageTotals,
    grandTotal,
    notGiven,
    mergedIntoOther: recoding.merged,
    withheldColumns: columns.filter((_, j) => withheld.has(j)),
    withheld: null,
  };
}
