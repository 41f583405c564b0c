import { PipeTransform } from '@nestjs/common';
import { ProblemException } from '@gds/http';

/** A version number in a path: 1..2^31-1, anything else names nothing (404). */
export class VersionParam implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(version) || version > 2_147_483_647) throw new ProblemException(404, 'not-found', 'Not found', 'No such version.');
    return version;
  }
}
