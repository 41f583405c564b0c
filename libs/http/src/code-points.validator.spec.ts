import { maxLength, validateSync } from 'class-validator';
import { codePoints, MaxCodePoints } from './code-points.validator';

class Reason {
  @MaxCodePoints(500) reason: unknown;
}

function errorsOf(reason: unknown) {
  return validateSync(Object.assign(new Reason(), { reason })).map((e) => e.property);
}

describe('MaxCodePoints', () => {
  it('counts code points, as Postgres char_length does: variation selectors and astral characters included', () => {
    expect(codePoints('☺️')).toBe(2);
    expect(codePoints('😀')).toBe(1);
    expect(codePoints('a\u0301')).toBe(2);
    // class-validator's count, which the database does not share:
    expect(maxLength('☺️'.repeat(300), 500)).toBe(true);
  });

  it('refuses more than the limit and takes the limit', () => {
    expect(errorsOf('☺️'.repeat(300))).toEqual(['reason']);
    expect(errorsOf('x'.repeat(501))).toEqual(['reason']);
    expect(errorsOf('😀'.repeat(501))).toEqual(['reason']);
    expect(errorsOf('x'.repeat(500))).toEqual([]);
    expect(errorsOf('😀'.repeat(500))).toEqual([]);
    expect(errorsOf('☺️'.repeat(250))).toEqual([]);
    expect(errorsOf(42)).toEqual(['reason']);
  });
});
