import { decimalPlaces } from './decimal.validator';

describe('decimalPlaces', () => {
  it('counts decimals in plain and exponent notation without throwing', () => {
    expect(decimalPlaces(3)).toBe(0);
    expect(decimalPlaces(2.5)).toBe(1);
    expect(decimalPlaces(0.01)).toBe(2);
    expect(decimalPlaces(5e-323)).toBe(323);
    expect(decimalPlaces(1.2e21)).toBe(0);
    expect(decimalPlaces(-7.125)).toBe(3);
  });
});
