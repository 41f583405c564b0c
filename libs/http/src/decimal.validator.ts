import { registerDecorator, ValidationOptions } from 'class-validator';

/** Decimal places of a finite number, exponent notation included (5e-323 has 323). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = value.toExponential().split('e');
  const fraction = (mantissa.split('.')[1] ?? '').length;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * A finite number with at most `places` decimals. Replaces class-validator's
 * IsNumber({ maxDecimalPlaces }), which throws (a 500) on numbers printed in exponent notation.
 */
export function IsDecimal(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDecimal',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
        defaultMessage: (args) => `${args?.property} must be a number with at most ${places} decimal places`,
      },
    });
}
