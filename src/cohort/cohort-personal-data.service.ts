import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';

/** The cohort module's part of a trainee's data rights: what it holds of them, and their erasure. */
@Injectable()
export class CohortPersonalData {
  constructor(private readonly txHost: AppTransactionHost) {}

  async exportFor(traineeId: string) {
    const q = (sql: string) => this.txHost.tx.query(sql, [traineeId]);
    return {
      applications: await q(
        `SELECT id, cohort_id AS "cohortId", course_version_id AS "courseVersionId", status, statement, answers, phone, score, submitted_at AS "submittedAt", decided_at AS "decidedAt"
           FROM application WHERE trainee_id = $1 ORDER BY submitted_at`,
      ),
      enrollments: await q(
        `SELECT id, cohort_id AS "cohortId", course_version_id AS "courseVersionId", status, enrolled_at AS "enrolledAt", withdrawn_at AS "withdrawnAt",
                withdrawal_reason AS "withdrawalReason", completed_at AS "completedAt", percent_complete AS "percentComplete"
           FROM enrollment WHERE trainee_id = $1 ORDER BY enrolled_at`,
      ),
      lessonCompletions: await q(
        `SELECT l.enrollment_id AS "enrollmentId", l.lesson_id AS "lessonId", l.completed_at AS "completedAt"
           FROM lesson_completion l JOIN enrollment e ON e.id = l.enrollment_id WHERE e.trainee_id = $1 ORDER BY l.completed_at`,
      ),
      // Enrolments made without prerequisites they lacked (which courses, why, when); who waived them is staff's record.
      prerequisiteWaivers: await q(
        `SELECT id, cohort_id AS "cohortId", enrollment_id AS "enrollmentId", course_version_id AS "courseVersionId", waived_courses AS "courses", reason, created_at AS "waivedAt"
           FROM prerequisite_waiver WHERE trainee_id = $1 ORDER BY created_at`,
      ),
    };
  }

  /** Clears what the trainee wrote and staff's free text about them; statuses, dates and progress (what reports count) stay. */
  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE application SET statement = '', answers = '[]', phone = NULL, phone_digits = NULL WHERE trainee_id = $1`, [traineeId]);
    await this.txHost.tx.query(`UPDATE enrollment SET withdrawal_reason = NULL WHERE trainee_id = $1 AND withdrawal_reason IS NOT NULL`, [traineeId]);
    // A waiver's reason is staff's free text about this trainee; that a waiver happened (courses, when, who) stays.
    await this.txHost.tx.query(`UPDATE prerequisite_waiver SET reason = NULL WHERE trainee_id = $1 AND reason IS NOT NULL`, [traineeId]);
  }
}
