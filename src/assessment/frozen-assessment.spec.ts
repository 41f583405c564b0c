import { applyLatePenalty, lateDaysAt, pastDue } from './frozen-assessment';

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

describe('late policy: floor and grace', () => {
  const due = new Date('2026-03-01T12:00:00Z');

  it('never takes a late answer below the floor share of what it earned', () => {
    expect(applyLatePenalty(80, 20, 10, 50)).toBe(40);
    expect(applyLatePenalty(80, 2, 10, 50)).toBe(64);
    expect(applyLatePenalty(100, 30, 100, 25)).toBe(25);
    expect(applyLatePenalty(0, 3, 10, 50)).toBe(0);
  });

  it('counts work within the grace period as on time, and later work as late from the due date', () => {
    expect(lateDaysAt(new Date('2026-03-01T12:29:00Z'), due, 30)).toBe(0);
    expect(lateDaysAt(new Date('2026-03-01T12:31:00Z'), due, 30)).toBe(1);
    expect(pastDue(new Date('2026-03-01T12:29:00Z'), due, 30)).toBe(false);
    expect(pastDue(new Date('2026-03-01T12:31:00Z'), due, 30)).toBe(true);
    expect(pastDue(new Date('2030-01-01T00:00:00Z'), null, 0)).toBe(false);
  });
});
