import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator with whitelisting: unknown fields are rejected (400), never stored. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadataLookups();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException(400, 'validation', 'Invalid request', 'The request has invalid or unknown fields.', {
        errors: flatten(errors),
      }),
  });
}

/** A NUL, or half of a surrogate pair (JSON can carry "\ud800"; it is not text in any encoding). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function containsUnstorable(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some((item) => containsUnstorable(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || containsUnstorable(item, depth + 1));
  }
  return false;
}

/**
 * Postgres text cannot hold NUL, and validators (e.g. isEmail's encodeURI) throw on unpaired
 * surrogates (found by the fuzz: a 500): refuse both at the door.
 */
@Injectable()
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'custom' && containsUnstorable(value)) {
      throw new ProblemException(400, 'validation', 'Invalid request', 'Text may not contain NUL characters or unpaired surrogates.', {
        errors: [{ field: metadata.data ?? metadata.type, message: 'must not contain NUL characters or unpaired surrogates' }],
      });
    }
    return value;
  }
}
