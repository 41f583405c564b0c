import { registerDecorator, ValidationOptions } from 'class-validator';
import { isTimeZone } from './time-zones';

/** An IANA time zone name the server's Intl knows (`America/Belize`); anything else is a 400 naming the rule. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isTimeZone(value),
        defaultMessage: (args) => `${args?.property} must be an IANA time zone name the server supports, such as America/Belize`,
      },
    });
}
