import { describe, expect, it, vi } from 'vitest';

// The API client is replaced: this test is about following the roster's pages to the end.
const get = vi.fn();
vi.mock('../../shared/api/client', () => ({ api: { GET: (...args: unknown[]) => get(...args) } }));
const { wholeRoster } = await import('./cohort-teaching.queries');

const page = (names: string[], nextCursor: string | null) => ({
  data: { cohortId: 'c', cohortName: 'Cohort', capacity: 3000, seatsTaken: 1500, inactiveDays: 7, items: names.map((displayName) => ({ displayName })), nextCursor },
  error: undefined,
  response: new Response(null, { status: 200 }),
});

describe('the whole roster', () => {
  it('reads every page the API offers, passing each cursor, and answers one list', async () => {
    get.mockResolvedValueOnce(page(['a', 'b'], 'k1')).mockResolvedValueOnce(page(['c'], 'k2')).mockResolvedValueOnce(page(['d'], null));
    const roster = await wholeRoster('c');
    expect(roster.items.map((i) => i.displayName)).toEqual(['a', 'b', 'c', 'd']);
    expect(roster.nextCursor).toBeNull();
    expect(get.mock.calls.map((call) => call[1].params.query)).toEqual([{}, { cursor: 'k1' }, { cursor: 'k2' }]);
  });
});
