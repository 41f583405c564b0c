import { Injectable } from '@nestjs/common';
import { DirectReads } from '@gds/database';
import { badRequest, decodeCursor, hasRole, Page, Principal, toPage } from '@gds/http';
import type { CatalogueQuery } from './dto/course.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CatalogueItem {
  id: string;
  code: string;
  title: string;
  summary: string;
  trackCode: string;
  level: string;
  estimatedHours: number;
  status: string;
  latestVersion: number;
  ownerId: string;
}

/**
 * The catalogue: published, unarchived courses for everyone signed in, plus the caller's own drafts
 * (all courses for admins). Filters by track and level; full-text search (websearch syntax) over
 * the title, summary and lesson titles through the GIN-indexed `course.search`. `teaching` narrows
 * it to the courses the caller owns or co-instructs (an instructor's "my courses").
 */
@Injectable()
export class CourseCatalogue {
  constructor(private readonly reads: DirectReads) {}

  async list(principal: Principal, query: CatalogueQuery): Promise<Page<CatalogueItem>> {
    const after = decodeCursor<{ t: string; id: string }>(query.cursor, ['t', 'id']);
    if (after && !UUID.test(after.id)) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (!hasRole(principal, 'admin')) {
      const me = param(principal.userId);
      where.push(`((c.latest_version > 0 AND c.status <> 'archived') OR c.owner_id = ${me}
        OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = ${me}))`);
    }
    if (query.teaching === 'true') {
      const me = param(principal.userId);
      where.push(`(c.owner_id = ${me} OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = ${me}))`);
    }
    if (query.track) where.push(`c.track_code = ${param(query.track)}`);
    if (query.level) where.push(`c.level = ${param(query.level)}`);
    if (query.q) where.push(`c.search @@ websearch_to_tsquery('english', ${param(query.q)})`);
    if (after) where.push(`(lower(c.title), c.id) > (${param(after.t)}, ${param(after.id)}::uuid)`);
    // Straight on the pool outside a transaction (DirectReads): no TypeORM query runner per call.
    // The cursor holds Postgres's lower(title), the very key compared above: JavaScript's
    // toLowerCase differs for some letters (final sigma 'ΟΔΟΣ', dotted 'İ'), which skipped or
    // repeated courses at a page boundary.
    const rows = await this.reads.query<CatalogueItem & { sortKey: string }>(
      `SELECT lower(c.title) AS "sortKey", c.id, c.code, c.title, c.summary, c.track_code AS "trackCode", c.level, c.estimated_hours AS "estimatedHours", c.status,
              c.latest_version AS "latestVersion", c.owner_id AS "ownerId"
         FROM course c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(c.title), c.id LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const page = toPage(rows, query.limit, (c) => ({ t: c.sortKey, id: c.id }));
    return { items: page.items.map(({ sortKey: _sortKey, ...item }) => item), nextCursor: page.nextCursor };
  }
}
