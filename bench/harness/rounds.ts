/**
 * Figures from alternated rounds (ours, baseline, ours, baseline ...): each side's figure is the
 * median of its rounds, and a ratio is the median of the per-round ratios, reported with their
 * spread (min–max), so one lucky or unlucky round on a shared machine neither decides nor hides.
 */
export interface Spread {
  min: number;
  max: number;
}

export function median(values: number[]): number {
  if (!values.length) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function spreadOf(values: number[]): Spread {
  return { min: Math.min(...values), max: Math.max(...values) };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Per-round ratios of two sides measured in alternation: `higherIsBetter` for throughputs
 * (ours / baseline), otherwise for latencies (baseline / ours), so that a higher ratio is always better.
 */
export function roundRatios(ours: number[], baseline: number[], higherIsBetter: boolean): { ratio: number | null; spread: Spread | null } {
  const pairs = ours.map((o, i) => [o, baseline[i]] as const).filter(([o, b]) => o > 0 && b > 0 && b !== undefined);
  if (!pairs.length) return { ratio: null, spread: null };
  const ratios = pairs.map(([o, b]) => (higherIsBetter ? o / b : b / o));
  const spread = spreadOf(ratios);
  return { ratio: round2(median(ratios)), spread: { min: round2(spread.min), max: round2(spread.max) } };
}

/** "0.62 (0.58–0.66)": a ratio with its spread, as RESULTS.md shows it. */
export function ratioText(ratio: number | null, spread: Spread | null | undefined): string {
  if (ratio === null) return '—';
  return spread && (spread.min !== ratio || spread.max !== ratio) ? `${ratio} (${spread.min}–${spread.max})` : String(ratio);
}
