import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { Principal } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { UserDirectory } from '../identity/identity.module';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { AT_RISK_SQL, FAILING_SQL, INACTIVE_SQL } from './at-risk';
import { CohortAccess } from './cohort-access.service';
import { RosterQuery } from './dto/enrollment.dto';
import { RosterView } from './dto/enrollment-views.dto';
import { EnrollmentStatus } from './enrollment.entity';
import { EnrollmentModuleFacts, rosterModules } from './roster-modules';

interface RosterRow {
  id: string;
  trainee_id: string;
  course_version_id: string;
  status: EnrollmentStatus;
  enrolled_at: Date;
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

/**
 * The staff view of a cohort: every trainee with progress overall and per module, in one request
 * (500 trainees: one query, with the per-module aggregates folded in by index lookups on each
 * enrollment's rows, plus one name lookup and one outline lookup per course version of the cohort).
 */
@Injectable()
export class CohortRoster {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
    private readonly config: AppConfig,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async roster(principal: Principal, cohortId: string, query: RosterQuery): Promise<RosterView> {
    const cohort = await this.access.requireStaff(principal, cohortId);
    const days = '$2::int';
    const rows: RosterRow[] = await this.txHost.tx.query(
      `SELECT e.id, e.trainee_id, e.course_version_id, e.status, e.enrolled_at, e.last_activity_at, e.lessons_done, e.modules_done,
              e.modules_total, e.percent_complete, e.failed_assessments,
              ${AT_RISK_SQL(days)} AS at_risk, ${INACTIVE_SQL(days)} AS inactive, ${FAILING_SQL} AS failing,
              (SELECT coalesce(jsonb_object_agg(mp.module_id, mp.status), '{}') FROM module_progress mp WHERE mp.enrollment_id = e.id) AS module_states,
              (SELECT coalesce(jsonb_object_agg(lc.module_id, lc.n), '{}')
                 FROM (SELECT module_id, count(*)::int AS n FROM lesson_completion WHERE enrollment_id = e.id GROUP BY module_id) lc) AS lessons_by_module
         FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.cohort_id = $1 AND ($3::text IS NULL OR e.status = $3) AND (NOT $4 OR ${AT_RISK_SQL(days)})
        ORDER BY e.percent_complete ASC, e.enrolled_at ASC, e.id`,
      [cohortId, this.config.AT_RISK_INACTIVE_DAYS, query.status ?? null, query.atRisk === 'true'],
    );
    const people = new Map((await this.users.findByIds(rows.map((r) => r.trainee_id))).map((p) => [p.id, p]));
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
    };
  }
}
