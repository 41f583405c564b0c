import { SandboxRows } from '../sandbox/sandbox-runner.service';

type Cell = string | null;

export interface RowDifference {
  /** 1-based position in the compared order (sorted when order does not matter). */
  row: number;
  expected: Cell[] | null;
  actual: Cell[] | null;
}

export interface Comparison {
  equal: boolean;
  message: string;
  /** How many compared positions differ (a missing or extra row counts as one). */
  differingRows: number;
  differences: RowDifference[];
}

export interface CompareOptions {
  ordered: boolean;
  tolerance: number;
  /** How many differing rows the feedback shows. */
  showDifferences?: number;
}

// int2, int4, int8, oid, float4, float8, numeric, money-free numeric types.
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);

/** Compares a trainee's result with the reference result, by column position. */
export function compareResults(expected: SandboxRows, actual: SandboxRows, options: CompareOptions): Comparison {
  if (expected.columns.length !== actual.columns.length) {
    return {
      equal: false,
      message: `Expected ${expected.columns.length} column(s), your query returned ${actual.columns.length}.`,
      differingRows: Math.max(expected.rows.length, actual.rows.length),
      differences: [],
    };
  }
  const numeric = expected.columns.map((c, i) => NUMERIC_TYPES.has(c.typeId) || NUMERIC_TYPES.has(actual.columns[i].typeId));
  const order = (rows: Cell[][]) => (options.ordered ? rows : [...rows].sort((a, b) => compareRows(a, b, numeric)));
  const left = order(expected.rows);
  const right = order(actual.rows);
  const differences: RowDifference[] = [];
  const limit = options.showDifferences ?? 3;
  let differingRows = 0;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = left[i] ?? null;
    const b = right[i] ?? null;
    if (a && b && rowsEqual(a, b, numeric, options.tolerance)) continue;
    differingRows++;
    if (differences.length < limit) differences.push({ row: i + 1, expected: a, actual: b });
  }
  if (differingRows === 0) return { equal: true, message: 'Your result matches the expected result.', differingRows, differences };
  const counts =
    left.length === right.length
      ? `Both results have ${left.length} row(s), but some differ`
      : `Expected ${left.length} row(s), your query returned ${right.length}`;
  const sorted = options.ordered ? ' (in the required order)' : ' (compared without regard to order)';
  return { equal: false, message: `${counts}${sorted}; ${differingRows} row(s) differ.`, differingRows, differences };
}

function rowsEqual(a: Cell[], b: Cell[], numeric: boolean[], tolerance: number): boolean {
  return a.every((value, i) => cellsEqual(value, b[i], numeric[i], tolerance));
}

function cellsEqual(a: Cell, b: Cell, numeric: boolean, tolerance: number): boolean {
  if (a === null || b === null) return a === b;
  if (numeric) {
    const x = Number(a);
    const y = Number(b);
    if (Number.isFinite(x) && Number.isFinite(y)) return Math.abs(x - y) <= tolerance;
  }
  return a === b;
}

function compareRows(a: Cell[], b: Cell[], numeric: boolean[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareCells(a[i], b[i], numeric[i]);
    if (c !== 0) return c;
  }
  return 0;
}

function compareCells(a: Cell, b: Cell, numeric: boolean): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (numeric) {
    const x = Number(a);
    const y = Number(b);
    if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
