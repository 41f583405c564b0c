import { holdsNul, jsonbSafe } from './jsonb-text';

describe('jsonb text', () => {
  it('replaces NUL in strings and keys at any depth, leaving everything else as it is', () => {
    const feedback = { results: [{ at: "$['a\u0000b']", passed: false }], ['k\u0000']: 'v', n: 1, ok: true, none: null };
    expect(jsonbSafe(feedback)).toEqual({ results: [{ at: "$['a\uFFFDb']", passed: false }], ['k\uFFFD']: 'v', n: 1, ok: true, none: null });
    expect(holdsNul(jsonbSafe(feedback))).toBe(false);
  });

  it('finds a NUL in an answer', () => {
    expect(holdsNul({ document: 'a\u0000b' })).toBe(true);
    expect(holdsNul({ answers: { ['q\u0000']: 'x' } })).toBe(true);
    expect(holdsNul({ document: '{"a\\u0000b": 1}' })).toBe(false);
  });
});
