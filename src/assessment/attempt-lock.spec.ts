import { attemptLockSql } from './attempt-lock';

describe('attempt lock', () => {
  it('makes the key in SQL from the ids cast to uuid (canonical text), the key text unchanged for canonical ids', () => {
    expect(attemptLockSql('$1', '$2')).toBe("pg_advisory_xact_lock(hashtextextended('attempt:' || $1::uuid::text || ':' || $2::uuid::text, 0))");
  });

  it.each([['an id', 'e0b1c2d3-0000-4000-8000-000000000000'], ['an expression', 'lower($1)'], ['a cast placeholder', '$1::uuid'], ['$0', '$0'], ['nothing', '']])(
    'refuses %s in place of a placeholder, so no caller can make the key itself',
    (_, given) => {
      expect(() => attemptLockSql(given, '$2')).toThrow(/placeholders/);
      expect(() => attemptLockSql('$1', given)).toThrow(/placeholders/);
    },
  );
});
