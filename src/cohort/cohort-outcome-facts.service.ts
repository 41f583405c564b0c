import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { AppConfig } from '../config/app-config';
import { AT_RISK_SQL } from './at-risk';

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
