import { badRequest } from '@gds/http';

/**
 * Keyset cursors on a timestamp keep it to the microsecond, as Postgres stores it: a JavaScript Date
 * stops at the millisecond, and a page boundary inside one millisecond would skip rows.
 */
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL for a timestamptz column as the cursor's text (UTC, six fractional digits). */
export const microsecondKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Refuses (400 problem+json) a cursor's time and id that this API could not have issued. */
export function assertMicrosecondCursor(at: string, id: string): void {
  if (!(AT.test(at) && !Number.isNaN(Date.parse(at)) && UUID.test(id))) {
    throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
  }
}
