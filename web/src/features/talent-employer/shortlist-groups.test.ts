import { describe, expect, it } from 'vitest';
import { groupByRole, latestRequestFor } from './shortlist-groups';
import type { InterviewRequest, ShortlistEntry } from './talent.types';

const entry = (id: string, roleTitle: string, displayName: string, createdAt: string, traineeId = `t-${id}`): ShortlistEntry => ({ id, roleTitle, displayName, createdAt, traineeId });

describe('groupByRole', () => {
  it('gathers one role however it was capitalised, named as first written; roles and names in order', () => {
    const groups = groupByRole([
      entry('1', 'soc ANALYST', 'Zoe', '2026-12-02T00:00:00Z'),
      entry('2', 'SOC analyst', 'Ana', '2026-12-01T00:00:00Z'),
      entry('3', 'Data engineer', 'Bea', '2026-12-03T00:00:00Z'),
    ]);
    expect(groups.map((g) => [g.roleTitle, g.entries.map((e) => e.displayName)])).toEqual([
      ['Data engineer', ['Bea']],
      ['SOC analyst', ['Ana', 'Zoe']],
    ]);
  });
});

describe('latestRequestFor', () => {
  const request = (id: string, traineeId: string, roleTitle: string, createdAt: string) => ({ id, traineeId, roleTitle, createdAt }) as InterviewRequest;

  it('finds the newest request to the candidate for that role only', () => {
    const requests = [request('a', 't-1', 'SOC analyst', '2026-12-01T00:00:00Z'), request('b', 't-1', 'soc analyst', '2026-12-05T00:00:00Z'), request('c', 't-1', 'Data engineer', '2026-12-09T00:00:00Z'), request('d', 't-2', 'SOC analyst', '2026-12-09T00:00:00Z')];
    expect(latestRequestFor(requests, entry('1', 'SOC Analyst', 'Ana', '2026-11-30T00:00:00Z'))?.id).toBe('b');
    expect(latestRequestFor(requests, entry('9', 'Designer', 'Ana', '2026-11-30T00:00:00Z', 't-1'))).toBeUndefined();
  });
});
