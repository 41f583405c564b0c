import { describe, expect, it } from 'vitest';
import { noRosterFilters, rosterView, traineeName, type RosterEntry } from './roster-view';

const entry = (over: Partial<RosterEntry>): RosterEntry => ({
  enrollmentId: over.traineeId ?? 'e',
  traineeId: 't',
  displayName: null,
  email: null,
  courseVersionId: 'v-data',
  status: 'active',
  enrolledAt: '2026-01-01T00:00:00Z',
  lastActivityAt: null,
  lessonsDone: 0,
  modulesDone: 0,
  modulesTotal: 4,
  modules: [],
  percentComplete: 0,
  failedAssessments: 0,
  atRisk: false,
  atRiskReasons: [],
  ...over,
});

const tracks = new Map([
  ['v-data', 'data-analysis'],
  ['v-cyber', 'cybersecurity'],
]);
const ana = entry({ traineeId: 'a', displayName: 'Ana', percentComplete: 60, lastActivityAt: '2026-03-02T00:00:00Z' });
const bea = entry({ traineeId: 'b', displayName: 'Bea', percentComplete: 10, atRisk: true, atRiskReasons: ['inactive'], courseVersionId: 'v-cyber' });
const carl = entry({ traineeId: 'c', displayName: 'Carl', percentComplete: 10, lastActivityAt: '2026-03-01T00:00:00Z', atRisk: true, atRiskReasons: ['failing'] });

describe('rosterView', () => {
  it('sorts by name by default and keeps everyone', () => {
    expect(rosterView([carl, ana, bea], noRosterFilters, tracks).map((e) => e.displayName)).toEqual(['Ana', 'Bea', 'Carl']);
  });

  it('keeps only trainees at risk', () => {
    expect(rosterView([carl, ana, bea], { ...noRosterFilters, atRiskOnly: true }, tracks).map((e) => e.displayName)).toEqual(['Bea', 'Carl']);
  });

  it('keeps only the track of the enrolled course version', () => {
    expect(rosterView([carl, ana, bea], { ...noRosterFilters, track: 'cybersecurity' }, tracks).map((e) => e.displayName)).toEqual(['Bea']);
    expect(rosterView([carl, ana, bea], { ...noRosterFilters, track: 'data-analysis', atRiskOnly: true }, tracks).map((e) => e.displayName)).toEqual(['Carl']);
  });

  it('sorts the least advanced first, ties by name', () => {
    expect(rosterView([ana, carl, bea], { ...noRosterFilters, sort: 'progress' }, tracks).map((e) => e.displayName)).toEqual(['Bea', 'Carl', 'Ana']);
  });

  it('sorts the longest silent first, never active before anyone', () => {
    expect(rosterView([ana, carl, bea], { ...noRosterFilters, sort: 'last-activity' }, tracks).map((e) => e.displayName)).toEqual(['Bea', 'Carl', 'Ana']);
  });

  it('does not change the list it was given', () => {
    const list = [carl, ana];
    rosterView(list, noRosterFilters, tracks);
    expect(list).toEqual([carl, ana]);
  });
});

describe('traineeName', () => {
  it('falls back from the display name to the email to the id', () => {
    expect(traineeName({ displayName: 'Ana', email: 'a@x.org', traineeId: 'id' })).toBe('Ana');
    expect(traineeName({ displayName: null, email: 'a@x.org', traineeId: 'id' })).toBe('a@x.org');
    expect(traineeName({ displayName: null, email: null, traineeId: 'id' })).toBe('id');
  });
});
