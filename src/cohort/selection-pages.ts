import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, encodeCursor } from '@gds/http';
import { APPLICATION_STATUSES } from './application.entity';
import type { ApplicationSort, ListApplicationsQuery } from './dto/application.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const SCORE = /^\d{1,3}(\.\d{1,20})?$/;

/** Sorts the database pages by keyset; the others (name, and a text or duplicates filter) need the whole cohort. */
export const KEYSET_SORTS: readonly ApplicationSort[] = ['submitted', '-submitted', 'score', '-score', 'status', '-status'];

/**
 * A sort position: the sort value (score or status; empty for submitted or no score), the submission
 * time at full precision, the id; and the sort and a short hash of the filters it was issued for. A
 * position means something only in its own list: `v: ''` is any submitted cursor and also "among the
 * unscored" for a score sort, so a submitted cursor reused with -score would skip every scored one.
 */
type Position = {
  v: string;
  t: string;
  id: string;
  s: string;
  f: string;
};

/** score_text: not named score, which ORDER BY would take for this text rather than the numeric column. */
interface PositionRow {
  id: string;
  score_text: string | null;
  status: string;
  t: string;
}

/** One stretch of the order that one index range serves: its extra conditions and its ORDER BY. */
interface Stretch {
  where: (bind: (value: unknown) => string) => string[];
  order: string;
}

const forward = 'submitted_at ASC, id ASC';
const afterTime = (p: Position) => (bind: (value: unknown) => string) => [`(submitted_at, id) > (${bind(p.t)}::timestamptz, ${bind(p.id)}::uuid)`];

/**
 * The selection workbench's page of a cohort's applications, by keyset: each sort is a sequence of
 * stretches, each an index range in order (score then submission time and id; one status after
 * another; the submission time), walked from the cursor's position until the page is full. So a
 * page reads its own rows and the few before the cut, never the cohort. Unscored applications come
 * last either way; ties of the sort value go by submission time, then id (ascending; for
 * -submitted both descending, so one index serves it).
 */
@Injectable()
export class SelectionPages {
  constructor(private readonly txHost: AppTransactionHost) {}

  /** Ids of the page (limit + 1 when there is more) and the position of each, in the list's order. */
  async ids(cohortId: string, query: ListApplicationsQuery, versionIds: string[] | null): Promise<{ ids: string[]; nextCursor: string | null }> {
    const after = decodePosition(query.cursor, query);
    const rows: PositionRow[] = [];
    for (const stretch of stretches(query.sort, after)) {
      if (rows.length > query.limit) break;
      rows.push(...(await this.read(cohortId, query, versionIds, stretch, query.limit + 1 - rows.length)));
    }
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { ids: page.map((r) => r.id), nextCursor: rows.length > query.limit && last ? encodeCursor(positionOf(last, query)) : null };
  }

  private read(cohortId: string, query: ListApplicationsQuery, versionIds: string[] | null, stretch: Stretch, take: number): Promise<PositionRow[]> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`cohort_id = ${bind(cohortId)}`];
    if (query.status) where.push(`status = ${bind(query.status)}`);
    if (query.courseVersionId) where.push(`course_version_id = ${bind(query.courseVersionId)}`);
    if (versionIds) where.push(`course_version_id = ANY(${bind(versionIds)}::uuid[])`);
    if (query.minScore !== undefined) where.push(`score >= ${bind(query.minScore)}`);
    if (query.scored) where.push(query.scored === 'true' ? 'score IS NOT NULL' : 'score IS NULL');
    where.push(...stretch.where(bind));
    return this.txHost.tx.query(
      `SELECT id, score::text AS score_text, status, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t
         FROM application WHERE ${where.join(' AND ')} ORDER BY ${stretch.order} LIMIT ${bind(take)}`,
      params,
    );
  }
}

/**
 * Whether a loaded application still meets the column filters the page was cut by. The page's ids
 * and its full rows are two statements: a decision between them (shortlisted → accepted) must not put
 * a row on a page whose filter it no longer meets. Mirrors the conditions of SelectionPages.read.
 */
export function meetsColumnFilters(
  a: { status: string; courseVersionId: string; score: string | null },
  query: ListApplicationsQuery,
  versionIds: string[] | null,
): boolean {
  if (query.status && a.status !== query.status) return false;
  if (query.courseVersionId && a.courseVersionId !== query.courseVersionId) return false;
  if (versionIds && !versionIds.includes(a.courseVersionId)) return false;
  if (query.minScore !== undefined && (a.score === null || Number(a.score) < query.minScore)) return false;
  if (query.scored === 'true' && a.score === null) return false;
  if (query.scored === 'false' && a.score !== null) return false;
  return true;
}

function stretches(sort: ApplicationSort, after: Position | undefined): Stretch[] {
  const field = sort.replace(/^-/, '');
  const descending = sort.startsWith('-');
  if (field === 'submitted') {
    if (!descending) return [{ where: (bind) => (after ? afterTime(after)(bind) : []), order: forward }];
    return [{ where: (bind) => (after ? [`(submitted_at, id) < (${bind(after.t)}::timestamptz, ${bind(after.id)}::uuid)`] : []), order: 'submitted_at DESC, id DESC' }];
  }
  if (field === 'status') {
    const order = descending ? [...APPLICATION_STATUSES].reverse() : [...APPLICATION_STATUSES];
    const from = after ? order.indexOf(after.v as (typeof order)[number]) : 0;
    return order.slice(from).map((status, i) => ({
      where: (bind) => [`status = ${bind(status)}`, ...(after && i === 0 ? afterTime(after)(bind) : [])],
      order: forward,
    }));
  }
  // score: the scored (the cursor's score, then beyond it), then the unscored.
  const unscored: Stretch = { where: (bind) => ['score IS NULL', ...(after && after.v === '' ? afterTime(after)(bind) : [])], order: forward };
  if (after && after.v === '') return [unscored];
  const beyond = descending ? '<' : '>';
  const scored: Stretch[] = after
    ? [
        { where: (bind) => [`score = ${bind(after.v)}::numeric`, ...afterTime(after)(bind)], order: forward },
        { where: (bind) => [`score ${beyond} ${bind(after.v)}::numeric`], order: `score ${descending ? 'DESC' : 'ASC'}, ${forward}` },
      ]
    : [{ where: () => ['score IS NOT NULL'], order: `score ${descending ? 'DESC' : 'ASC'}, ${forward}` }];
  return [...scored, unscored];
}

function positionOf(row: PositionRow, query: ListApplicationsQuery): Position {
  const field = query.sort.replace(/^-/, '');
  return { v: field === 'status' ? row.status : field === 'score' ? (row.score_text ?? '') : '', t: row.t, id: row.id, s: query.sort, f: filtersOf(query) };
}

/** A short hash of the column filters a keyset list is cut by: a cursor is only valid under the same ones. */
function filtersOf(query: ListApplicationsQuery): string {
  const filters = [query.status ?? null, query.courseVersionId ?? null, query.trackCode ?? null, query.minScore ?? null, query.scored ?? null];
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 10);
}

/**
 * The same for the whole-cohort lists (text search, duplicates, name sort): the column filters and
 * the search and duplicates filters, which change what "after this position" means just as much.
 */
export function wholeListFilters(query: ListApplicationsQuery): string {
  const filters = [filtersOf(query), query.q?.trim() ?? null, query.duplicates ?? null];
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 10);
}

/** The cursor's position, checked against the sort it was issued for: anything else is the 400 of a cursor this API did not issue. */
function decodePosition(cursor: string | undefined, query: ListApplicationsQuery): Position | undefined {
  const p = decodeCursor<Position>(cursor, ['v', 't', 'id', 's', 'f']);
  if (!p) return undefined;
  const sort = query.sort;
  const field = sort.replace(/^-/, '');
  const valueOk =
    field === 'status' ? (APPLICATION_STATUSES as readonly string[]).includes(p.v)
    : field === 'score' ? p.v === '' || (SCORE.test(p.v) && Number(p.v) <= 100)
    : p.v === '';
  const timeOk = typeof p.t === 'string' && AT.test(p.t) && !Number.isNaN(Date.parse(p.t)) && new Date(p.t).toISOString().slice(0, 19) === p.t.slice(0, 19);
  const listOk = p.s === sort && p.f === filtersOf(query);
  if (typeof p.v === 'string' && valueOk && timeOk && typeof p.id === 'string' && UUID.test(p.id) && listOk) return { v: p.v, t: p.t, id: p.id, s: p.s, f: p.f };
  throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
}
