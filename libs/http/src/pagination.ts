import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badRequest } from './problem';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional() @IsString() @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort key and id of the last item, base64url-encoded so clients treat them as opaque. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T extends Record<string, string | number>>(cursor: string | undefined, keys: (keyof T)[]): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && keys.every((key) => ['string', 'number'].includes(typeof parsed[key]))) return parsed as T;
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
}

/** Given limit + 1 rows, answers the page and the cursor of its last item. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => Record<string, string | number>): Page<T> {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length > 0 ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

/**
 * Keyset cursors on a timestamp keep it to the microsecond, as Postgres stores it: a JavaScript Date
 * stops at the millisecond, and a page boundary inside one millisecond would skip rows.
 */
const MICROSECOND_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SQL for a timestamptz column as the cursor's text (UTC, six fractional digits). */
export const microsecondKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Refuses (400 problem+json) a cursor's time and id that this API could not have issued. */
export function assertMicrosecondCursor(at: string, id: string): void {
  if (!(MICROSECOND_AT.test(at) && !Number.isNaN(Date.parse(at)) && CURSOR_UUID.test(id))) {
    throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
  }
}

/** A (time, id) cursor: decoded, then checked, so a forged one is a 400 and never reaches SQL as a 500. */
export function decodeMicrosecondCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  const after = decodeCursor<{ at: string; id: string }>(cursor, ['at', 'id']);
  if (after) assertMicrosecondCursor(after.at, after.id);
  return after;
}
