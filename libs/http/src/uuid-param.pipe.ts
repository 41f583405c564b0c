import { ArgumentMetadata, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ProblemException } from './problem';

/**
 * ParseUUIDPipe that answers the id's canonical lower-case form. Postgres compares uuids whatever
 * their case, but code compares strings: `id === actorId` self-checks (the token's `sub` is lower
 * case) and the access standing cache's keys would miss an upper-case id from a URL.
 */
export class CanonicalUuidPipe implements PipeTransform<string, Promise<string | null | undefined>> {
  constructor(private readonly parse: ParseUUIDPipe) {}

  async transform(value: string, metadata: ArgumentMetadata): Promise<string | null | undefined> {
    const valid = await this.parse.transform(value, metadata);
    return typeof valid === 'string' ? valid.toLowerCase() : valid;
  }
}

/** Malformed ids answer 404 (not 400, not 500): a path that names nothing is not found. Valid ones arrive lower case. */
export const UuidParam = () =>
  new CanonicalUuidPipe(new ParseUUIDPipe({ exceptionFactory: () => new ProblemException(404, 'not-found', 'Not found', 'No such resource.') }));
