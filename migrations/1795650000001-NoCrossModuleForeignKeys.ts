import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No foreign key crosses a module boundary (README, "Architecture notes: references between
 * modules"). A module owns its tables and names another module's rows by id only, checked through
 * that module's contract when it is written; so each module's schema stands alone (its tests run
 * against fakes of its neighbours, and it could move to a database of its own). These constraints
 * * did cross: every module's reference to a user (identity) and an
 * assessment exception's cohort and enrollment. None of their ON DELETE actions ever ran: no user,
 * organisation, cohort or enrollment row is deleted (erasure scrubs a user in place).
 * test/cross-module-references.e2e-spec.ts keeps it so from the live schema.
 */
const CROSS_MODULE_FOREIGN_KEYS: Array<[table: string, constraint: string, definition: string]> = [
  ['application_decision', 'application_decision_actor_id_fkey', 'FOREIGN KEY (actor_id) REFERENCES app_user(id)'],
  ['application', 'application_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['assessment_attempt', 'assessment_attempt_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['assessment_exception', 'assessment_exception_cohort_id_fkey', 'FOREIGN KEY (cohort_id) REFERENCES cohort(id)'],
  ['assessment_exception', 'assessment_exception_enrollment_id_fkey', 'FOREIGN KEY (enrollment_id) REFERENCES enrollment(id) ON DELETE CASCADE'],
  ['assessment', 'assessment_created_by_fkey', 'FOREIGN KEY (created_by) REFERENCES app_user(id)'],
  ['certificate_event', 'certificate_event_actor_id_fkey', 'FOREIGN KEY (actor_id) REFERENCES app_user(id)'],
  ['certificate', 'certificate_revoked_by_fkey', 'FOREIGN KEY (revoked_by) REFERENCES app_user(id)'],
  ['certificate', 'certificate_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['certification_criteria', 'certification_criteria_updated_by_fkey', 'FOREIGN KEY (updated_by) REFERENCES app_user(id)'],
  ['cohort_instructor', 'cohort_instructor_user_id_fkey', 'FOREIGN KEY (user_id) REFERENCES app_user(id)'],
  ['cohort', 'cohort_created_by_fkey', 'FOREIGN KEY (created_by) REFERENCES app_user(id)'],
  ['course_co_instructor', 'course_co_instructor_user_id_fkey', 'FOREIGN KEY (user_id) REFERENCES app_user(id)'],
  ['course_version', 'course_version_published_by_fkey', 'FOREIGN KEY (published_by) REFERENCES app_user(id)'],
  ['course', 'course_owner_id_fkey', 'FOREIGN KEY (owner_id) REFERENCES app_user(id)'],
  ['email_digest', 'email_digest_recipient_id_fkey', 'FOREIGN KEY (recipient_id) REFERENCES app_user(id) ON DELETE CASCADE'],
  ['enrollment', 'enrollment_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['grade', 'grade_graded_by_fkey', 'FOREIGN KEY (graded_by) REFERENCES app_user(id)'],
  ['hint_reveal', 'hint_reveal_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['notification_delivery', 'notification_delivery_recipient_id_fkey', 'FOREIGN KEY (recipient_id) REFERENCES app_user(id) ON DELETE CASCADE'],
  ['notification_preference', 'notification_preference_user_id_fkey', 'FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE'],
  ['placement_follow_up', 'placement_follow_up_recorded_by_fkey', 'FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE SET NULL'],
  ['placement', 'placement_recorded_by_fkey', 'FOREIGN KEY (recorded_by) REFERENCES app_user(id) ON DELETE SET NULL'],
  ['placement', 'placement_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id) ON DELETE CASCADE'],
  ['regrade', 'regrade_requested_by_fkey', 'FOREIGN KEY (requested_by) REFERENCES app_user(id)'],
  ['submission', 'submission_trainee_id_fkey', 'FOREIGN KEY (trainee_id) REFERENCES app_user(id)'],
  ['trainee_import', 'trainee_import_actor_id_fkey', 'FOREIGN KEY (actor_id) REFERENCES app_user(id)'],
  ['webhook', 'webhook_created_by_fkey', 'FOREIGN KEY (created_by) REFERENCES app_user(id) ON DELETE SET NULL'],
];

export class NoCrossModuleForeignKeys1795650000001 implements MigrationInterface {
  name = 'NoCrossModuleForeignKeys1795650000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of CROSS_MODULE_FOREIGN_KEYS) await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${constraint}"`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint, definition] of CROSS_MODULE_FOREIGN_KEYS) await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" ${definition}`);
  }
}
