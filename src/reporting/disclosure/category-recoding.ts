import { isSmall } from './suppression-reasons';

export const OTHER = 'other';
export const NOT_GIVEN = 'not given';

export interface Recoding {
  /** The categories a report names, each held by at least k trainees: named ones sorted, then "not given", then "other". */
  rows: string[];
  /** Where each category's trainees are counted. */
  rowOf: Map<string, string>;
  /** How many categories were merged into "other" (besides values that were "other" already). */
  merged: number;
}

/**
 * Global recoding: categories held by fewer than k trainees (including "not given") are merged into
 * "other"; while "other" itself holds 1..k-1, the smallest remaining category joins it too. So every
 * row a report names holds 0 or at least k trainees, and a row of 0 is not listed.
 */
export function recodeCategories(counts: Map<string, number>, k: number): Recoding {
  const kept = new Map([...counts].filter(([category, n]) => category !== OTHER && n > 0));
  let other = counts.get(OTHER) ?? 0;
  const rowOf = new Map<string, string>([[OTHER, OTHER]]);
  let merged = 0;
  const mergeIntoOther = (category: string) => {
    other += kept.get(category)!;
    kept.delete(category);
    rowOf.set(category, OTHER);
    merged++;
  };
  for (const [category, n] of [...kept]) if (isSmall(n, k)) mergeIntoOther(category);
  while (isSmall(other, k) && kept.size > 0) {
    const [smallest] = [...kept].sort(([a, m], [b, n]) => m - n || a.localeCompare(b))[0];
    mergeIntoOther(smallest);
  }
  for (const category of kept.keys()) rowOf.set(category, category);
  const named = [...kept.keys()].filter((c) => c !== NOT_GIVEN).sort((a, b) => a.localeCompare(b));
  const rows = [...named, ...(kept.has(NOT_GIVEN) ? [NOT_GIVEN] : []), ...(other > 0 ? [OTHER] : [])];
  return { rows, rowOf, merged };
}
