import { describe, expect, it } from 'vitest';
import { barShare, figureState, percentOf } from './figures';

describe('figureState', () => {
  const suppressed = [
    { metric: 'certified', reason: 'small-count' },
    { metric: 'skills.net-basics', reason: 'fewer-than-k-trainees' },
  ] as const;

  it('reads a published figure as its value, zero included', () => {
    expect(figureState(0, 'certified', suppressed)).toEqual({ kind: 'value', value: 0 });
  });

  it('reads a null the scope lists as suppressed, with the reason, also for a child of a listed metric', () => {
    expect(figureState(null, 'certified', suppressed)).toEqual({ kind: 'suppressed', reason: 'small-count' });
    expect(figureState(null, 'skills.net-basics.attained', suppressed)).toEqual({ kind: 'suppressed', reason: 'fewer-than-k-trainees' });
  });

  it('reads a null the scope does not list as nothing to compute (a rate over nobody), not as suppressed', () => {
    expect(figureState(null, 'completionRate', suppressed)).toEqual({ kind: 'none' });
    expect(figureState(null, 'skills.net-basics-2.attained', suppressed)).toEqual({ kind: 'none' });
  });

  it('reads a null of a table without a list (cells, funnel, weeks) as suppressed', () => {
    expect(figureState(null, null, null)).toEqual({ kind: 'suppressed', reason: null });
  });
});

describe('percentOf and barShare', () => {
  it('rounds shares to whole percentages', () => {
    expect(percentOf(0.456)).toBe(46);
    expect(percentOf(1)).toBe(100);
  });

  it('sizes bars against the longest and never below zero or above the full length', () => {
    expect(barShare(5, 10)).toBe(50);
    expect(barShare(0, 0)).toBe(0);
    expect(barShare(-1, 10)).toBe(0);
    expect(barShare(12, 10)).toBe(100);
  });
});
