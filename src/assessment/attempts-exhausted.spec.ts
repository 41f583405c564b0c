import { attemptsExhausted } from './attempts.service';

describe('attempts exhausted', () => {
  it('says one attempt in the singular and several in the plural', () => {
    expect(attemptsExhausted(1).detail).toBe('The one attempt this assessment allows is used.');
    expect(attemptsExhausted(3).detail).toBe('All 3 attempts this assessment allows are used.');
    expect(attemptsExhausted(1).slug).toBe('attempts-exhausted');
  });
});
