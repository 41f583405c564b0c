import { isISO8601, registerDecorator, ValidationOptions } from 'class-validator';

/** A calendar date (YYYY-MM-DD), optionally with a time and offset: no week dates (2025-W01-1) or ordinal dates (2025-001). */
const CALENDAR_FORM = /^\d{4}-\d{2}-\d{2}(?:T|$)/;

/**
 * A moment the server can store: ISO 8601 in its calendar form, a real date (no 31 February), that
 * JavaScript's Date reads. Other ISO 8601 forms (week and ordinal dates) pass a plain ISO 8601 check
 * but Date cannot read them, so they would become an invalid date deep in a service (a 500); here
 * they are a 400 naming the field.
 */
export function isDateTime(value: unknown): boolean {
  return typeof value === 'string' && CALENDAR_FORM.test(value) && isISO8601(value, { strict: true }) && Number.isFinite(Date.parse(value));
}

export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isDateTime(value),
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date-time in calendar form, such as 2026-12-10T09:00:00Z`,
      },
    });
}
