/** A score the API takes: a number from 0 to the maximum with at most two decimals; null otherwise. */
export function overrideScoreOf(text: string, maxScore: number): number | null {
  if (!/^\d+(\.\d{1,2})?$/.test(text.trim())) return null;
  const score = Number(text.trim());
  return score <= maxScore ? score : null;
}
