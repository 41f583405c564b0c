/** Why a published figure is withheld; every null figure of a report carries one of these. */
export const SUPPRESSION_REASONS = {
  'fewer-than-k-trainees': 'computed over fewer than k trainees',
  'small-count': 'a count (or its complement) of 1 to k-1 trainees',
  complementary: 'withheld so that another withheld figure cannot be worked out from the published ones',
} as const;

export type SuppressionReason = keyof typeof SUPPRESSION_REASONS;

/** One withheld figure of a scope: its path in the figures object (e.g. `certified`, `assessments.<id>.passed`). */
export interface Suppression {
  metric: string;
  reason: SuppressionReason;
}

/** A count of 1..k-1 could single people out. */
export function isSmall(count: number, k: number): boolean {
  return count > 0 && count < k;
}

/** A count whose holders or whose non-holders (within a group of `size`) number 1..k-1. */
export function isSmallSplit(count: number, size: number, k: number): boolean {
  return isSmall(count, k) || isSmall(size - count, k);
}
