import { Injectable } from '@nestjs/common';
import { DirectReads } from '@gds/database';
import { badRequest, decodeCursor, Principal, toPage } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { AT_RISK_SQL, FAILING_SQL, INACTIVE_SQL } from './at-risk';
import { CohortAccess } from './cohort-access.service';
import { ROSTER_PAGE_MAX, RosterQuery } from './dto/enrollment.dto';
import { RosterView } from './dto/enrollment-views.dto';
import { EnrollmentStatus } from './enrollment.entity';
import { EnrollmentModuleFacts, rosterModules } from './roster-modules';

interface RosterRow {
  id: string;
  trainee_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
  /** Postgres's own text of enrolled_at, for the cursor: microseconds survive, a JS Date would drop them. */
  enrolled_text: string;
  last_activity_at: Date | null;
  lessons_done: number;
  modules_done: number;
  modules_total: number;
  percent_complete: string;
  failed_assessments: number;
  at_risk: boolean;
  inactive: boolean;
  failing: boolean;
  module_states: EnrollmentModuleFacts['states'];
  lessons_by_module: EnrollmentModuleFacts['lessonsDone'];
}

/** Postgres's text of a timestamptz (ISO DateStyle), as the cursor carries it. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2}){0,2}|Z)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page of the roster, in its order (least progress first, then enrolment, then id), as a
 * keyset: the page after `after` reads on from there through `enrollment_roster_idx` (cohort,
 * percent complete, enrolled at, id) however deep it is, instead of sorting the whole cohort.
 */
export function rosterPageQuery(
  cohortId: string,
  inactiveDays: number,
  options: { status?: EnrollmentStatus; atRisk: boolean; after?: { p: string; at: string; id: string }; limit: number },
): { text: string; values: unknown[] } {
  const values: unknown[] = [cohortId, inactiveDays];
  const days = '$2::int';
  const where = ['e.cohort_id = $1'];
  if (options.status) where.push(`e.status = $${values.push(options.status)}`);
  if (options.atRisk) where.push(AT_RISK_SQL(days));
  if (options.after) {
    where.push(`(e.percent_complete, e.enrolled_at, e.id) > ($${values.push(options.after.p)}::numeric, $${values.push(options.after.at)}::timestamptz, $${values.push(options.after.id)}::uuid)`);
  }
  const text = `SELECT e.id, e.trainee_id, e.course_version_id, e.status, e.enrolled_at, e.enrolled_at::text AS enrolled_text, e.last_activity_at, e.lessons_done,
              e.modules_done, e.modules_total, e.percent_complete, e.failed_assessments,
              ${AT_RISK_SQL(days)} AS at_risk, ${INACTIVE_SQL(days)} AS inactive, ${FAILING_SQL} AS failing,
              (SELECT coalesce(jsonb_object_agg(mp.module_id, mp.status), '{}') FROM module_progress mp WHERE mp.enrollment_id = e.id) AS module_states,
              (SELECT coalesce(jsonb_object_agg(lc.module_id, lc.n), '{}')
                 FROM (SELECT module_id, count(*)::int AS n FROM lesson_completion WHERE enrollment_id = e.id GROUP BY module_id) lc) AS lessons_by_module
         FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE ${where.join(' AND ')}
        ORDER BY e.percent_complete ASC, e.enrolled_at ASC, e.id
        LIMIT $${values.push(options.limit)}`;
  return { text, values };
}

/**
 * The staff view of a cohort: every trainee with progress overall and per module, a keyset page of
 * up to 1,000 at a time (a cohort of that size comes in one request): one query, with the per-module
 * aggregates folded in by index lookups on each enrollment's rows, plus one name lookup and one outline lookup per course version of the cohort).
 */
@Injectable()
export class CohortRoster {
  constructor(
    private readonly reads: DirectReads,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async roster(principal: Principal, cohortId: string, query: RosterQuery): Promise<RosterView> {
    const after = decodeCursor<{ p: string; at: string; id: string }>(query.cursor, ['p', 'at', 'id']);
    if (after && (!/^\d{1,3}(\.\d{1,2})?$/.test(after.p) || !TIMESTAMP.test(after.at) || !UUID.test(after.id))) {
      throw badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);
    }
    const cohort = await this.access.requireStaffHeadline(principal, cohortId);
    const limit = query.limit ?? ROSTER_PAGE_MAX;
    const { text, values } = rosterPageQuery(cohortId, this.config.AT_RISK_INACTIVE_DAYS, { status: query.status, atRisk: query.atRisk === 'true', after, limit: limit + 1 });
    const found = await this.reads.query<RosterRow>(text, values).catch((error) => {
      // A well-formed cursor with an impossible time: the client's mistake, not ours.
      if (['22007', '22008'].includes((error as { code?: string }).code ?? '')) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
      throw error;
    });
    const page = toPage(found, limit, (r) => ({ p: r.percent_complete, at: r.enrolled_text, id: r.id }));
    const rows = page.items;
    const people = new Map((await this.users.namesByIds(rows.map((r) => r.trainee_id))).map((p) => [p.id, p]));
    const outlines = new Map((await this.versions.getOutlines([...new Set(rows.map((r) => r.course_version_id))])).map((o) => [o.versionId, o]));
    return {
      cohortId,
      cohortName: cohort.name,
      capacity: cohort.capacity,
      seatsTaken: cohort.seatsTaken,
      inactiveDays: this.config.AT_RISK_INACTIVE_DAYS,
      items: rows.map((r) => ({
        enrollmentId: r.id,
        traineeId: r.trainee_id,
        displayName: people.get(r.trainee_id)?.displayName ?? null,
        email: people.get(r.trainee_id)?.email ?? null,
        courseVersionId: r.course_version_id,
        status: r.status,
        enrolledAt: r.enrolled_at.toISOString(),
        lastActivityAt: r.last_activity_at?.toISOString() ?? null,
        lessonsDone: r.lessons_done,
        modulesDone: r.modules_done,
        modulesTotal: r.modules_total,
        modules: rosterModules(outlines.get(r.course_version_id), { states: r.module_states, lessonsDone: r.lessons_by_module }),
        percentComplete: Number(r.percent_complete),
        failedAssessments: r.failed_assessments,
        atRisk: r.at_risk,
        atRiskReasons: r.at_risk ? [...(r.inactive ? (['inactive'] as const) : []), ...(r.failing ? (['failing'] as const) : [])] : [],
      })),
      nextCursor: page.nextCursor,
    };
  }
}
