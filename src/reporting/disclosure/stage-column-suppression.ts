import { isSmall } from './suppression-reasons';

/**
 * Which stage columns of a category × stage table to withhold, given that every row total (a
 * category's size, at least k after recoding) and every column total (the stage counts of the
 * headline figures) is published.
 *
 * Whole columns are withheld, never single cells. A reader then knows, for the withheld columns,
 * each row's residual s_i (its total minus its published cells) and each column's total c_j: a
 * two-way table with fixed margins, whose integer solutions give each cell exactly the range
 * [max(0, s_i + c_j - S), min(s_i, c_j)] (S = sum of the residuals; the Fréchet bounds, sharp for
 * two-way tables). A cell is disclosed when that range lies inside 1..k-1. Columns holding a count
 * of 1..k-1 are withheld first, then further columns until no cell is disclosed. Withholding every
 * column always succeeds when the table has two or more rows of at least k: a range inside 1..k-1
 * needs c_j <= k-1 and s_i + c_j - S >= 1, i.e. the other rows together fewer than c_j < k trainees.
 */
export function stageColumnsToWithhold(counts: number[][], k: number): Set<number> {
  const columns = counts[0]?.length ?? 0;
  const withheld = new Set<number>();
  for (let j = 0; j < columns; j++) if (counts.some((row) => isSmall(row[j], k))) withheld.add(j);
  if (withheld.size === 0) return withheld;
  while (disclosedCells(counts, withheld, k) > 0 || withheld.size === 1) {
    const candidates = [...Array(columns).keys()].filter((j) => !withheld.has(j));
    if (candidates.length === 0) break;
    const score = (j: number) => disclosedCells(counts, new Set([...withheld, j]), k);
    const total = (j: number) => counts.reduce((sum, row) => sum + row[j], 0);
    // Fewest disclosed cells after adding it; then the column that hides the least.
    const [best] = candidates.sort((a, b) => score(a) - score(b) || total(a) - total(b) || a - b);
    withheld.add(best);
  }
  return withheld;
}

/** Cells of the withheld columns whose feasible range lies inside 1..k-1. */
export function disclosedCells(counts: number[][], withheld: Set<number>, k: number): number {
  const cols = [...withheld];
  const residual = counts.map((row) => cols.reduce((sum, j) => sum + row[j], 0));
  const all = residual.reduce((a, b) => a + b, 0);
  let disclosed = 0;
  for (const j of cols) {
    const c = counts.reduce((sum, row) => sum + row[j], 0);
    counts.forEach((_, i) => {
      const [lo, hi] = cellRange(residual[i], c, all);
      if (lo >= 1 && hi <= k - 1) disclosed++;
    });
  }
  return disclosed;
}

/** The Fréchet bounds of a cell of a two-way table with row margin s, column margin c and total n. */
export function cellRange(s: number, c: number, n: number): [number, number] {
  return [Math.max(0, s + c - n), Math.min(s, c)];
}
