import { registerDecorator, ValidationOptions } from 'class-validator';

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Unicode code points of a text (`[...text].length` without the array): what Postgres's char_length counts. */
export function codePoints(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

/**
 * A string of at most `max` code points, as a database check on char_length counts them. Replaces
 * class-validator's MaxLength where such a check backs the limit: its isLength leaves out emoji
 * variation selectors (U+FE0E, U+FE0F), so 300 × "☺️" (600 code points) passed a 500 limit and
 * the database refused it instead.
 */
export function MaxCodePoints(max: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxCodePoints',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [max],
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && codePoints(value) <= max,
        defaultMessage: (args) => `${args?.property} must be at most ${max} characters`,
      },
    });
}
