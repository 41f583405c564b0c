import { describe, expect, it } from 'vitest';
import { overrideScoreOf } from './override-score';

describe('overrideScoreOf', () => {
  it('takes 0 to the maximum with at most two decimals', () => {
    expect(overrideScoreOf('0', 100)).toBe(0);
    expect(overrideScoreOf(' 75.5 ', 100)).toBe(75.5);
    expect(overrideScoreOf('100', 100)).toBe(100);
  });

  it('refuses anything else', () => {
    for (const text of ['', '-1', '100.01', '1e2', '7.123', 'abc', '75,5']) expect(overrideScoreOf(text, 100)).toBeNull();
  });
});
