import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { decodeCursor, encodeCursor, Page } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { SearchTalentQuery, TalentSearchItemView } from './dto/talent-search.dto';

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
    const wanted = [...new Set([...(query.skillsAll ?? []), ...(query.skillsAny ?? [])])];
    const params: unknown[] = [wanted];
    const where = ['listed'];
    const add = (clause: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (query.track) add((p) => `track_code = ${p}`, query.track);
    if (query.skillsAll?.length) add((p) => `skill_codes @> ${p}::text[]`, query.skillsAll);
    if (query.skillsAny?.length) add((p) => `skill_codes && ${p}::text[]`, query.skillsAny);
    if (query.certification) add((p) => `certified_course_codes @> ARRAY[${p}::text]`, query.certification);
    if (query.availability?.length) add((p) => `availability = ANY(${p}::text[])`, query.availability);
    let keyset = '';
    if (after) {
      params.push(after.m, after.id);
      keyset = `WHERE skill_match < $${params.length - 1} OR (skill_match = $${params.length - 1} AND trainee_id > $${params.length}::uuid)`;
    }
    params.push(query.limit + 1);
    const rows: Row[] = await this.txHost.tx.query(
      `SELECT * FROM (
         SELECT trainee_id, track_code, availability, preferred_roles, skill_codes, certified_course_codes,
                cardinality(ARRAY(SELECT unnest(skill_codes) INTERSECT SELECT unnest($1::text[]))) AS skill_match
           FROM talent_profile WHERE ${where.join(' AND ')}
       ) ranked ${keyset}
       ORDER BY skill_match DESC, trainee_id ASC LIMIT $${params.length}`,
      params,
    );
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
