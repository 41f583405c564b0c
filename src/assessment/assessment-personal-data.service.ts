import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';

/** The assessment module's part of a trainee's data rights: attempts, submissions and grades; erasure of answers. */
@Injectable()
export class AssessmentPersonalData {
  constructor(private readonly txHost: AppTransactionHost) {}

  async exportFor(traineeId: string) {
    const q = (sql: string) => this.txHost.tx.query(sql, [traineeId]);
    return {
      submissions: await q(
        `SELECT id, assessment_id AS "assessmentId", enrollment_id AS "enrollmentId", kind, answer, status, score, max_score AS "maxScore", passed, feedback,
                submitted_at AS "submittedAt", graded_at AS "gradedAt"
           FROM submission WHERE trainee_id = $1 ORDER BY submitted_at`,
      ),
      grades: await q(
        `SELECT g.id, g.submission_id AS "submissionId", g.cause, g.score, g.max_score AS "maxScore", g.passed, g.feedback, g.reason, g.created_at AS "createdAt"
           FROM grade g JOIN submission s ON s.id = g.submission_id WHERE s.trainee_id = $1 ORDER BY g.created_at`,
      ),
      exceptions: await q(
        `SELECT id, assessment_id AS "assessmentId", enrollment_id AS "enrollmentId", due_at AS "dueAt", extra_attempts AS "extraAttempts", reason, granted_at AS "grantedAt"
           FROM assessment_exception WHERE trainee_id = $1 ORDER BY granted_at`,
      ),
    };
  }

  /** The trainee's answers are their own work: replaced by a marker. Scores and pass/fail stay for the reports. */
  async eraseFor(traineeId: string): Promise<void> {
    await this.txHost.tx.query(`UPDATE submission SET answer = '{"erased": true}'::jsonb WHERE trainee_id = $1`, [traineeId]);
  }
}
