import { median, ratioText, roundRatios, spreadOf } from '../bench/harness/rounds';

describe('bench figures from alternated rounds', () => {
  it('takes the median, not the best, of the rounds', () => {
    expect(median([900, 100, 500])).toBe(500);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spreadOf([3, 9, 1])).toEqual({ min: 1, max: 9 });
  });

  it('pairs round i of ours with round i of the baseline; higher is better for both kinds of ratio', () => {
    // Throughput: ours/baseline per round → 0.5, 0.6, 0.9 → median 0.6.
    expect(roundRatios([50, 60, 90], [100, 100, 100], true)).toEqual({ ratio: 0.6, spread: { min: 0.5, max: 0.9 } });
    // Latency: baseline/ours per round → 0.5, 0.25, 1 → median 0.5.
    expect(roundRatios([20, 40, 10], [10, 10, 10], false)).toEqual({ ratio: 0.5, spread: { min: 0.25, max: 1 } });
    expect(roundRatios([0], [10], true)).toEqual({ ratio: null, spread: null });
  });

  it('shows a ratio with its spread, or alone when every round agreed', () => {
    expect(ratioText(0.6, { min: 0.5, max: 0.9 })).toBe('0.6 (0.5–0.9)');
    expect(ratioText(0.6, { min: 0.6, max: 0.6 })).toBe('0.6');
    expect(ratioText(null, null)).toBe('—');
  });
});
