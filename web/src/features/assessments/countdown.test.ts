import { describe, expect, it } from 'vitest';
import { announcementDue, clockText, secondsLeft } from './countdown';

describe('countdown', () => {
  it('counts whole seconds to the deadline, never below zero', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(secondsLeft('2026-12-06T10:05:00Z', now)).toBe(300);
    expect(secondsLeft('2026-12-06T10:00:00.400Z', now)).toBe(1);
    expect(secondsLeft('2026-12-06T09:59:00Z', now)).toBe(0);
  });

  it('shows mm:ss, and h:mm:ss from an hour', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(65)).toBe('01:05');
    expect(clockText(3600 + 61)).toBe('1:01:01');
  });

  it('announces only at 30, 10, 5 and 1 minutes left and at zero, each once, never a mark passed before starting', () => {
    const startedWith = 12 * 60;
    const said: number[] = [];
    let last: number | null = null;
    for (let s = startedWith; s >= 0; s--) {
      const due = announcementDue(s, last, startedWith);
      if (due !== null) {
        said.push(due);
        last = due;
      }
    }
    expect(said).toEqual([10, 5, 1, 0]);
  });

  it('after a sleeping tab wakes, says only the closest mark reached', () => {
    expect(announcementDue(50, 10, 20 * 60)).toBe(1);
    expect(announcementDue(50, 1, 20 * 60)).toBeNull();
    expect(announcementDue(0, 0, 20 * 60)).toBeNull();
  });
});
