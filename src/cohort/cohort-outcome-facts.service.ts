import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { AT_RISK_SQL } from './at-risk';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface CohortSummaryFact {
  cohortId: string;
  name: string;
  instructorIds: string[];
  courseVersionIds: string[];
  startsAt: Date;
  endsAt: Date;
  /** The cohort's IANA zone: its calendar days are counted there. */
  timeZone: string;
}

export interface ApplicationOutcomeFact {
  traineeId: string;
  status: 'submitted' | 'shortlisted' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';
  submittedAt: Date;
}

export interface EnrollmentOutcomeFact {
  enrollmentId: string;
  traineeId: string;
  courseVersionId: string;
  status: 'active' | 'withdrawn' | 'completed';
  enrolledAt: Date;
  completedAt: Date | null;
  percent: number;
  lastActivityAt: Date | null;
  atRisk: boolean;
}

export interface LearningActionFact {
  traineeId: string;
  at: Date;
}

/**
 * What the cohort module tells reporting about a cohort's outcomes, from its own tables only:
 * cohorts, applications, enrollments with progress, and learning actions. Reporting reaches it
 * through an adapter (src/reporting/adapters); nobody else reads these tables.
 */
@Injectable()
export class CohortOutcomeFacts {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly config: AppConfig,
  ) {}

  async cohort(cohortId: string): Promise<CohortSummaryFact | null> {
    const rows: CohortSummaryFact[] = await this.txHost.tx.query(
      `SELECT c.id AS "cohortId", c.name, c.starts_at AS "startsAt", c.ends_at AS "endsAt", c.time_zone AS "timeZone",
              coalesce((SELECT array_agg(i.user_id ORDER BY i.user_id) FROM cohort_instructor i WHERE i.cohort_id = c.id), '{}') AS "instructorIds",
              coalesce((SELECT array_agg(v.course_version_id ORDER BY v.course_version_id) FROM cohort_course_version v WHERE v.cohort_id = c.id), '{}') AS "courseVersionIds"
         FROM cohort c WHERE c.id = $1`,
      [cohortId],
    );
    return rows[0] ?? null;
  }

  async cohortIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT id FROM cohort ORDER BY starts_at DESC, id');
    return rows.map((r) => r.id);
  }

  async applications(cohortId: string): Promise<ApplicationOutcomeFact[]> {
    return this.txHost.tx.query(
      `SELECT trainee_id AS "traineeId", status, submitted_at AS "submittedAt" FROM application WHERE cohort_id = $1 ORDER BY submitted_at, id`,
      [cohortId],
    );
  }

  /** Enrollments with progress; at risk by the same rule as the roster and the weekly scan. */
  async enrollments(cohortId: string): Promise<EnrollmentOutcomeFact[]> {
    const rows: Array<Omit<EnrollmentOutcomeFact, 'percent'> & { percent: string }> = await this.txHost.tx.query(
      `SELECT e.id AS "enrollmentId", e.trainee_id AS "traineeId", e.course_version_id AS "courseVersionId", e.status,
              e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt", e.percent_complete AS percent,
              e.last_activity_at AS "lastActivityAt", ${AT_RISK_SQL('$2::int')} AS "atRisk"
         FROM enrollment e JOIN cohort c ON c.id = e.cohort_id
        WHERE e.cohort_id = $1 ORDER BY e.enrolled_at, e.id`,
      [cohortId, this.config.AT_RISK_INACTIVE_DAYS],
    );
    return rows.map((r) => ({ ...r, percent: Number(r.percent) }));
  }

  /**
   * Of each trainee's learning actions in each of `weeks` 7-day windows counted back from `until`
   * (window j holds the actions with until − (j+1)·7 d < at ≤ until − j·7 d), the latest: one row
   * per trainee and week instead of every action (a cohort's 500,000 grades). Times are compared
   * in whole milliseconds, as the Dates the rows become hold them.
   */
  async weeklyActivity(cohortId: string, until: Date, weeks: number): Promise<LearningActionFact[]> {
    // A Date truncates to the millisecond: an action is in window j when until − (j+1)·7 d + 1 ms <= at
    // < until − j·7 d + 1 ms, which is date_bin's half-open bin with its origin 1 ms after until.
    // The instant leaves as whole epoch milliseconds (exactly the Date pg would parse, without parsing 50,000 timestamps as text).
    const rows: Array<{ traineeId: string; atMs: number }> = await this.txHost.tx.query(
      `WITH action AS (
         SELECT e.trainee_id, l.completed_at AS at
           FROM lesson_completion l JOIN enrollment e ON e.id = l.enrollment_id
          WHERE e.cohort_id = $1 AND l.completed_at >= $2 AND l.completed_at < $3
         UNION ALL
         SELECT e.trainee_id, g.graded_at
           FROM assessment_grade g JOIN enrollment e ON e.id = g.enrollment_id
          WHERE e.cohort_id = $1 AND g.graded_at >= $2 AND g.graded_at < $3)
       SELECT trainee_id AS "traineeId", floor(extract(epoch FROM max(at)) * 1000)::float8 AS "atMs"
         FROM action GROUP BY trainee_id, date_bin('7 days', at, $3::timestamptz)`,
      [cohortId, new Date(until.getTime() + 1 - weeks * WEEK_MS), new Date(until.getTime() + 1)],
    );
    return rows.map((r) => ({ traineeId: r.traineeId, at: new Date(r.atMs) }));
  }

  /** Learning actions at or after `since`: lessons completed and assessments graded. */
  async activity(cohortId: string, since: Date): Promise<LearningActionFact[]> {
    return this.txHost.tx.query(
      `SELECT e.trainee_id AS "traineeId", l.completed_at AS at
         FROM lesson_completion l JOIN enrollment e ON e.id = l.enrollment_id
        WHERE e.cohort_id = $1 AND l.completed_at >= $2
       UNION ALL
       SELECT e.trainee_id, g.graded_at
         FROM assessment_grade g JOIN enrollment e ON e.id = g.enrollment_id
        WHERE e.cohort_id = $1 AND g.graded_at >= $2`,
      [cohortId, since],
    );
  }
}
