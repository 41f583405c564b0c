import { ParseUUIDPipe } from '@nestjs/common';
import { ProblemException } from './problem';

/** Malformed ids answer 404 (not 400, not 500): a path that names nothing is not found. */
export const UuidParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new ProblemException(404, 'not-found', 'Not found', 'No such resource.') });
