import { ifNoneMatchSatisfied } from './if-none-match';

describe('ifNoneMatchSatisfied (RFC 9110 weak comparison)', () => {
  const etag = 'W/"abc123"';

  it.each([['W/"abc123"'], ['"abc123"'], ['"zzz", W/"abc123"'], ['*'], [' * ']])('matches %j', (header) => {
    expect(ifNoneMatchSatisfied(header, etag)).toBe(true);
  });

  it.each([[undefined], [''], ['abc123'], ['W/abc123'], ['"abc"'], ['"abc123'], ['garbage\u0000'], ['*, "abc123"x'], ['W/"other"']])(
    'does not match %j',
    (header) => {
      expect(ifNoneMatchSatisfied(header, etag)).toBe(false);
    },
  );

  it('reads a header that arrived as several fields', () => {
    expect(ifNoneMatchSatisfied(['"nope"', 'W/"abc123"'], etag)).toBe(true);
  });
});
