/** Rates are shares in 0..1 rounded to 4 places; null when there is nobody to count. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : round2(values.reduce((a, b) => a + b, 0) / values.length);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function countDistinct<T>(items: T[], key: (item: T) => string): number {
  return new Set(items.map(key)).size;
}
