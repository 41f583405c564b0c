import type { EntityManager } from 'typeorm';
import { unprocessable } from '@gds/http';

/** The order after moving `id` to 1-based `position`; a position past the end is a 422. */
export function movedOrder(ids: string[], id: string, position: number): string[] {
  if (position < 1 || position > ids.length) {
    throw unprocessable('position-out-of-range', `Position ${position} does not exist: choose 1 to ${ids.length}.`);
  }
  const rest = ids.filter((other) => other !== id);
  rest.splice(position - 1, 0, id);
  return rest;
}

/**
 * Writes positions 1..n in the given order in one statement. The (parent, position) unique
 * constraints are DEFERRABLE INITIALLY DEFERRED, so the swap may pass through duplicates.
 */
export async function renumber(manager: EntityManager, table: 'course_module' | 'lesson', orderedIds: string[]): Promise<void> {
  if (!orderedIds.length) return;
  await manager.query(
    `UPDATE ${table} t SET position = o.position FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
      WHERE t.id = o.id AND t.position <> o.position`,
    [orderedIds],
  );
}
