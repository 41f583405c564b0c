import type { FairSlot } from './careers.types';

export interface EmployerSlots {
  organisationId: string;
  organisationName: string;
  slots: FairSlot[];
}

/**
 * A fair's slots by employer (employers by name, each one's slots by time), so a person looks for
 * the organisation they want to meet first and then a free time.
 */
export function slotsByEmployer(slots: readonly FairSlot[], locale: string): EmployerSlots[] {
  const groups = new Map<string, EmployerSlots>();
  for (const slot of slots) {
    const group = groups.get(slot.organisationId) ?? { organisationId: slot.organisationId, organisationName: slot.organisationName, slots: [] };
    group.slots.push(slot);
    groups.set(slot.organisationId, group);
  }
  const byName = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...groups.values()]
    .map((group) => ({ ...group, slots: [...group.slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)) }))
    .sort((a, b) => byName.compare(a.organisationName, b.organisationName) || a.organisationId.localeCompare(b.organisationId));
}

/** What a person can do with a slot: it is theirs, someone else's, or free to book (only once registered, and before it starts). */
export type SlotState = 'mine' | 'taken' | 'started' | 'bookable' | 'register-first';

export function slotState(slot: FairSlot, registered: boolean, now: Date): SlotState {
  if (slot.bookedByMe) return 'mine';
  if (!slot.available) return 'taken';
  if (new Date(slot.startsAt) <= now) return 'started';
  return registered ? 'bookable' : 'register-first';
}
