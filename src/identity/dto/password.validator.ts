import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCommonPassword } from '../common-passwords';

/** 8-128 characters and not one of the commonest passwords. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length >= 8 && value.length <= 128 && !isCommonPassword(value),
        defaultMessage: () => 'password must be 8-128 characters and not a commonly used password',
      },
    });
}
