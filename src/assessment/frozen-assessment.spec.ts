import { applyLatePenalty, lateDaysAt } from './frozen-assessment';

describe('late policy', () => {
  const due = new Date('2026-03-01T12:00:00Z');

  it('counts whole days late, rounding up', () => {
    expect(lateDaysAt(new Date('2026-03-01T11:59:59Z'), due)).toBe(0);
    expect(lateDaysAt(new Date('2026-03-01T12:01:00Z'), due)).toBe(1);
    expect(lateDaysAt(new Date('2026-03-03T12:00:00Z'), due)).toBe(2);
    expect(lateDaysAt(new Date('2026-03-09T00:00:00Z'), null)).toBe(0);
  });

  it('takes a percentage of the score per day late, never below 0', () => {
    expect(applyLatePenalty(80, 0, 10)).toBe(80);
    expect(applyLatePenalty(80, 2, 10)).toBe(64);
    expect(applyLatePenalty(80, 20, 10)).toBe(0);
  });
});
