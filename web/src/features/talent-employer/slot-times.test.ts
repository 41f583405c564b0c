import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './slot-times';

describe('slot times', () => {
  it('sends the time typed on the person’s clock as an instant with its offset', () => {
    const typed = '2026-12-07T10:30';
    const iso = localInputToIso(typed);
    expect(iso).toMatch(/Z$/);
    expect(new Date(iso).getTime()).toBe(new Date(2026, 11, 7, 10, 30).getTime());
    expect(isoToLocalInput(iso)).toBe(typed);
  });

  it('sends an empty or unreadable value as typed, for the API to name the field', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('soon')).toBe('soon');
  });
});
