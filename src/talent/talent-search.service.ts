import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { badRequest, decodeCursor, encodeCursor, Page } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { SearchTalentQuery, TalentSearchItemView } from './dto/talent-search.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
 * evidences, then by trainee id: a keyset (skill match, id) that the partial indexes on listed
 * profiles serve (track + id for browsing, GIN on skills for skill filters). bench/ measures it
 * over 10,000 profiles.
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
    const after = decodeCursor<{ m: number; id: string }>(query.cursor, ['m', 'id']);
    if (after && (!Number.isInteger(after.m) || !UUID.test(after.id))) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    const wanted = [...new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])])];
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
    const columns = 'trainee_id, track_code, availability, preferred_roles, skill_codes, certified_course_codes';
    let sql: string;
    if (wanted.length === 0) {
      // Without skills asked every match is 0: the page walks the partial index on listed profiles in
      // id order (track + id when a track is asked).
      if (after) where.push(`trainee_id > ${bind(after.id)}::uuid`);
      sql = `SELECT ${columns}, 0 AS skill_match FROM talent_profile WHERE ${where.join(' AND ')} ORDER BY trainee_id ASC LIMIT ${bind(query.limit + 1)}`;
    } else {
      // With skills, every matching profile is ranked (the GIN index on skills narrows them first).
      const match = `(SELECT count(*) FROM unnest(skill_codes) s WHERE s = ANY(${bind(wanted)}::text[]))::int`;
      const keyset = after ? `WHERE skill_match < ${bind(after.m)} OR (skill_match = $${params.length} AND trainee_id > ${bind(after.id)}::uuid)` : '';
      sql = `SELECT * FROM (SELECT ${columns}, ${match} AS skill_match FROM talent_profile WHERE ${where.join(' AND ')}) ranked ${keyset}
             ORDER BY skill_match DESC, trainee_id ASC LIMIT ${bind(query.limit + 1)}`;
    }
    const rows: Row[] = await this.txHost.tx.query(sql, params);
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
}
