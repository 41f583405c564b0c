import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest, decodeCursor, encodeCursor, Page } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { SearchTalentQuery, TalentSearchItemView } from './dto/talent-search.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'trainee_id, track_code, availability, preferred_roles, skill_codes, certified_course_codes';

interface Row {
  trainee_id: string;
  track_code: string;
  availability: TalentSearchItemView['availability'];
  preferred_roles: string[];
  skill_codes: string[];
  certified_course_codes: string[];
  skill_match: number;
}

/**
 * Employers' search over listed profiles. Ranked by how many of the asked skills a profile
 * evidences, then by trainee id: a keyset (skill match, id). The match count depends on the
 * question, so no index orders by it; instead each match level is its own keyset walk in id order
 * (the partial index on listed profiles, or the GIN index on skills when a level is rare), from the
 * cursor's level down, and a page stops as soon as it is full. A page never ranks every candidate.
 */
@Injectable()
export class TalentSearch {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly users: UserDirectory,
    private readonly accessLog: EmployerAccessLog,
  ) {}

  @Transactional()
  async search(actor: EmployerActor, query: SearchTalentQuery): Promise<Page<TalentSearchItemView>> {
    const wanted = [...new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])])];
    // Every result evidences all of skillsAll, so no level below their number can hold one.
    const lowest = wanted.length === 0 ? 0 : Math.max(1, query.skillsAll?.length ?? 0);
    const after = decodeCursor<{ m: number; id: string }>(query.cursor, ['m', 'id']);
    if (after && (!Number.isInteger(after.m) || after.m < lowest || after.m > wanted.length || !UUID.test(after.id))) {
      throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    }
    const rows: Row[] = [];
    for (let level = after ? after.m : wanted.length; level >= lowest && rows.length <= query.limit; level--) {
      rows.push(...(await this.level(query, wanted, level, after?.m === level ? after.id : null, query.limit + 1 - rows.length)));
    }
    const page = rows.slice(0, query.limit);
    const names = new Map((await this.users.findByIds(page.map((r) => r.trainee_id))).map((p) => [p.id, p.displayName]));
    await this.accessLog.record(actor, 'search', null, { filters: { ...query, cursor: undefined, limit: undefined }, results: page.length });
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        traineeId: r.trainee_id,
        displayName: names.get(r.trainee_id) ?? '',
        trackCode: r.track_code,
        availability: r.availability,
        preferredRoles: r.preferred_roles,
        skillCodes: r.skill_codes,
        certifiedCourseCodes: r.certified_course_codes,
        skillMatch: r.skill_match,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ m: last.skill_match, id: last.trainee_id }) : null,
    };
  }

  /** Up to `take` listed profiles that match exactly `level` of the wanted skills, after `afterId` in id order. */
  private level(query: SearchTalentQuery, wanted: string[], level: number, afterId: string | null, take: number): Promise<Row[]> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = ['listed'];
    if (query.track) where.push(`track_code = ${bind(query.track)}`);
    if (query.skillsAll?.length) where.push(`skill_codes @> ${bind(query.skillsAll)}::text[]`);
    if (query.skillsAny?.length) where.push(`skill_codes && ${bind(query.skillsAny)}::text[]`);
    if (query.certification) where.push(`certified_course_codes @> ARRAY[${bind(query.certification)}::text]`);
    if (query.availability?.length) where.push(`availability = ANY(${bind(query.availability)}::text[])`);
    if (wanted.length) {
      const w = bind(wanted);
      // The top level is "all of them", which the GIN index answers by itself.
      if (level === wanted.length) where.push(`skill_codes @> ${w}::text[]`);
      else where.push(`skill_codes && ${w}::text[]`, `(SELECT count(*) FROM unnest(skill_codes) s WHERE s = ANY(${w}::text[])) = ${bind(level)}`);
    }
    if (afterId) where.push(`trainee_id > ${bind(afterId)}::uuid`);
    const sql = `SELECT ${COLUMNS}, ${bind(level)}::int AS skill_match FROM talent_profile WHERE ${where.join(' AND ')} ORDER BY trainee_id ASC LIMIT ${bind(take)}`;
    return this.txHost.tx.query(sql, params);
  }
}
