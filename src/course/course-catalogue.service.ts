import { Injectable } from '@nestjs/common';
import { DirectReads, namedStatement } from '@gds/database';
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
 * The catalogue's statement for a caller (admin or not), its filters and a cursor. Parameters in
 * this order, each only when it applies: the caller (not an admin), the caller again (teaching), the
 * track, the level, the search, the cursor's key and id, the limit + 1. The cursor holds Postgres's
 * lower(title), the very key compared here: JavaScript's toLowerCase differs for some letters (final
 * sigma 'ΟΔΟΣ', dotted 'İ'), which skipped or repeated courses at a page boundary.
 */
function catalogueText(admin: boolean, filters: Pick<CatalogueQuery, 'teaching' | 'track' | 'level' | 'q'>, after: boolean): string {
  let n = 0;
  const next = () => `$${++n}`;
  const where: string[] = [];
  if (!admin) {
    const me = next();
    where.push(`((c.latest_version > 0 AND c.status <> 'archived') OR c.owner_id = ${me}
        OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = ${me}))`);
  }
  if (filters.teaching === 'true') {
    const me = next();
    where.push(`(c.owner_id = ${me} OR EXISTS (SELECT 1 FROM course_co_instructor ci WHERE ci.course_id = c.id AND ci.user_id = ${me}))`);
  }
  if (filters.track) where.push(`c.track_code = ${next()}`);
  if (filters.level) where.push(`c.level = ${next()}`);
  if (filters.q) where.push(`c.search @@ websearch_to_tsquery('english', ${next()})`);
  if (after) where.push(`(lower(c.title), c.id) > (${next()}, ${next()}::uuid)`);
  return `SELECT lower(c.title) AS "sortKey", c.id, c.code, c.title, c.summary, c.track_code AS "trackCode", c.level, c.estimated_hours AS "estimatedHours", c.status,
              c.latest_version AS "latestVersion", c.owner_id AS "ownerId"
         FROM course c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(c.title), c.id LIMIT ${next()}`;
}

/** The unfiltered catalogue's four texts (admin or not, first page or after a cursor), named once at module load. */
const UNFILTERED = new Map(
  [false, true].flatMap((admin) =>
    [false, true].map((after) => [`${admin}:${after}`, namedStatement(`course:catalogue${admin ? ':all' : ''}${after ? ':after' : ''}`, catalogueText(admin, {}, after))] as const),
  ),
);

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
    const admin = hasRole(principal, 'admin');
    const filtered = query.teaching === 'true' || query.track !== undefined || query.level !== undefined || query.q !== undefined;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (!admin) param(principal.userId);
    if (query.teaching === 'true') param(principal.userId);
    if (query.track) param(query.track);
    if (query.level) param(query.level);
    if (query.q) param(query.q);
    if (after) params.push(after.t, after.id);
    param(query.limit + 1);
    // Straight on the pool outside a transaction (DirectReads): no TypeORM query runner per call.
    // The unfiltered catalogue (every trainee's browse) goes as a named statement, parsed once per
    // connection; a filtered one (full text, track, level, teaching) is text built per call.
    const sql = filtered ? catalogueText(admin, query, Boolean(after)) : UNFILTERED.get(`${admin}:${Boolean(after)}`)!;
    const rows = await this.reads.query<CatalogueItem & { sortKey: string }>(sql, params);
    const page = toPage(rows, query.limit, (c) => ({ t: c.sortKey, id: c.id }));
    return { items: page.items.map(({ sortKey: _sortKey, ...item }) => item), nextCursor: page.nextCursor };
  }
}
