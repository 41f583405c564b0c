import type { Suppression } from './outcome.types';

/**
 * How one published figure reads. A null figure is either withheld by disclosure control
 * ("suppressed", with its reason) or has nothing to be computed over (a rate of nobody: "–").
 * The server's CSV makes the same distinction (src/reporting/formats/outcome-report-csv.ts).
 */
export type FigureState = { kind: 'value'; value: number } | { kind: 'suppressed'; reason: string | null } | { kind: 'none' };

/** The figure at `metric` of a scope whose `suppressed` list says what it withholds (a prefix covers its children). */
export function figureState(value: number | null, metric: string | null, suppressed: readonly Suppression[] | null): FigureState {
  if (value !== null) return { kind: 'value', value };
  if (suppressed === null || metric === null) return { kind: 'suppressed', reason: null };
  const entry = suppressed.find((s) => s.metric === metric || metric.startsWith(`${s.metric}.`));
  return entry ? { kind: 'suppressed', reason: entry.reason } : { kind: 'none' };
}

/** A share as a whole percentage (0.456 → 46), as the no-script dashboard rounds it. */
export function percentOf(rate: number): number {
  return Math.round(rate * 100);
}

/** A bar's length as a share of the longest (0..100), never negative; an all-zero chart draws nothing. */
export function barShare(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.min(100, (value / max) * 100);
}
