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
 * evidences, then by trainee id: a keyset (skill match, id) in ONE statement per page. Without skills
 * asked every match is 0 and the page walks the partial index on listed profiles in id order. With
 * skills the GIN index on skills selects the candidates, which are then counted and sorted: a count
 * that depends on the question cannot be index-ordered, so a page ranks every candidate once. (One
 * keyset walk per match level was tried: nothing indexes the count, so each level re-scanned every
 * candidate and page 1 of a 20-skill any-of search took ~15 statements and ~17× the time.)
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
    // Every result evidences all of skillsAll (and one wanted skill at least), so a cursor's match
    // outside [lowest, wanted.length] was never issued for this query.
    const lowest = wanted.length === 0 ? 0 : Math.max(1, query.skillsAll?.length ?? 0);
    const after = decodeCursor<{ m: number; id: string }>(query.cursor, ['m', 'id']);
    if (after && (!Number.isInteger(after.m) || after.m < lowest || after.m > wanted.length || !UUID.test(after.id))) {
      throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    }
    const rows = await this.rows(query, wanted, after);
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

  /** Up to limit + 1 listed profiles after the cursor, in rank order (skill match DESC, trainee id). */
  private rows(query: SearchTalentQuery, wanted: string[], after: { m: number; id: string } | undefined): Promise<Row[]> {
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
    if (wanted.length === 0) {
      if (after) where.push(`trainee_id > ${bind(after.id)}::uuid`);
      return this.txHost.tx.query(
        `SELECT ${COLUMNS}, 0 AS skill_match FROM talent_profile WHERE ${where.join(' AND ')} ORDER BY trainee_id ASC LIMIT ${bind(query.limit + 1)}`,
        params,
      );
    }
    // skillsAll/skillsAny above select the candidates through the GIN index on skills; the count
    // orders them, which no index can do, so the sort is over the candidates only.
    const match = `(SELECT count(*) FROM unnest(skill_codes) s WHERE s = ANY(${bind(wanted)}::text[]))::int`;
    let keyset = '';
    if (after) {
      const m = bind(after.m);
      keyset = `WHERE skill_match < ${m} OR (skill_match = ${m} AND trainee_id > ${bind(after.id)}::uuid)`;
    }
    return this.txHost.tx.query(
      `SELECT * FROM (SELECT ${COLUMNS}, ${match} AS skill_match FROM talent_profile WHERE ${where.join(' AND ')}) ranked ${keyset}
        ORDER BY skill_match DESC, trainee_id ASC LIMIT ${bind(query.limit + 1)}`,
      params,
    );
  }
}
