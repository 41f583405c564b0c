import { RejectNulPipe } from './validation';
import { ProblemException } from './problem';

describe('RejectNulPipe', () => {
  const pipe = new RejectNulPipe();
  const body = { type: 'body' as const };

  it.each([['a\u0000b'], ['\ud800'], ['x\udc00'], ['\udbff\u0041']])('refuses %j anywhere in the body', (text) => {
    expect(() => pipe.transform({ nested: [{ field: text }] }, body)).toThrow(ProblemException);
    expect(() => pipe.transform({ [text]: 1 }, body)).toThrow(ProblemException);
  });

  it('lets ordinary text through, including characters outside the BMP and Filipino names', () => {
    const value = { name: 'Niño Dela Cruz 😀 𓀀', list: ['ñ', 'é'] };
    expect(pipe.transform(value, body)).toBe(value);
  });

  it('leaves custom parameters (the principal) alone', () => {
    expect(pipe.transform('\u0000', { type: 'custom' })).toBe('\u0000');
  });
});
