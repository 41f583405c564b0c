import { describe, expect, it } from 'vitest';
import { slotState, slotsByEmployer } from './fair-slots';
import type { FairSlot } from './careers.types';

const slot = (id: string, organisationName: string, startsAt: string, extra: Partial<FairSlot> = {}): FairSlot => ({
  id, fairId: 'f', organisationId: `org-${organisationName}`, organisationName, startsAt, endsAt: startsAt.replace(':00:', ':30:'),
  available: true, bookedByMe: false, bookedByName: null, bookingId: null, bookerCheckedInAt: null, ...extra,
});

describe('slotsByEmployer', () => {
  it('groups by employer, employers by name, each one\'s slots by time', () => {
    const groups = slotsByEmployer([
      slot('3', 'zeta Telecom', '2026-12-08T10:00:00Z'),
      slot('1', 'Acme Cloud', '2026-12-08T11:00:00Z'),
      slot('2', 'Acme Cloud', '2026-12-08T09:00:00Z'),
    ], 'en');
    expect(groups.map((g) => [g.organisationName, g.slots.map((s) => s.id)])).toEqual([['Acme Cloud', ['2', '1']], ['zeta Telecom', ['3']]]);
  });

  it('answers no groups for no slots', () => {
    expect(slotsByEmployer([], 'en')).toEqual([]);
  });
});

describe('slotState', () => {
  const now = new Date('2026-12-08T08:00:00Z');
  it('is mine, taken, started, bookable, or asks to register first', () => {
    expect(slotState(slot('1', 'A', '2026-12-08T10:00:00Z', { bookedByMe: true, available: false }), true, now)).toBe('mine');
    expect(slotState(slot('1', 'A', '2026-12-08T10:00:00Z', { available: false }), true, now)).toBe('taken');
    expect(slotState(slot('1', 'A', '2026-12-08T07:00:00Z'), true, now)).toBe('started');
    expect(slotState(slot('1', 'A', '2026-12-08T10:00:00Z'), true, now)).toBe('bookable');
    expect(slotState(slot('1', 'A', '2026-12-08T10:00:00Z'), false, now)).toBe('register-first');
  });
});
