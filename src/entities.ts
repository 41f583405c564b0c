import { JobFailure, OutboxMessage } from '@gds/queue';
import { User } from './identity/user.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { Invitation } from './identity/invitation.entity';
import { PasswordReset } from './identity/password-reset.entity';
import { RoleChange } from './identity/role-change.entity';
import { PipelineProbe } from './platform/pipeline-probe.entity';
import { Certificate } from './certification/certificate.entity';
import { CertificateEvent } from './certification/certificate-event.entity';
import { CertificationCriteria } from './certification/certification-criteria.entity';
import { Track } from './course/track.entity';
import { Skill } from './course/skill.entity';
import { Course } from './course/course.entity';
import { DraftModule } from './course/draft-module.entity';
import { Lesson } from './course/lesson.entity';
import { CourseVersion } from './course/course-version.entity';
import { Placement } from './reporting/placements/placement.entity';
import { PlacementFollowUp } from './reporting/placements/placement-follow-up.entity';
import { ReportSnapshot } from './reporting/report-snapshot.entity';
import { Assessment } from './assessment/assessment.entity';
import { AssessmentAttempt } from './assessment/assessment-attempt.entity';
import { Submission } from './assessment/submission.entity';
import { Grade } from './assessment/grade.entity';
import { HintReveal } from './assessment/hint-reveal.entity';
import { Regrade } from './assessment/regrade.entity';
import { Cohort, CohortCourseVersion, CohortInstructor, CohortModuleUnlock } from './cohort/cohort.entity';
import { Application, ApplicationDecision } from './cohort/application.entity';
import { AssessmentGrade, Enrollment, LessonCompletion, ModuleProgress, TraineeImport } from './cohort/enrollment.entity';
import { NotificationEvent } from './notification/notification-event.entity';
import { NotificationDelivery } from './notification/notification-delivery.entity';
import { NotificationPreference } from './notification/notification-preference.entity';
import { EmailDigest } from './notification/email-digest.entity';
import { Webhook } from './notification/webhook.entity';
import { WebhookDelivery } from './notification/webhook-delivery.entity';
import { NotificationScheduleRun } from './notification/notification-schedule-run.entity';
import { Organisation } from './organisation/organisation.entity';
import { DemographicConsent } from './identity/demographic-consent.entity';
import { TalentProfile } from './talent/talent-profile.entity';
import { EmployerAccess } from './talent/employer-access.entity';
import { ShortlistEntry } from './talent/shortlist-entry.entity';
import { InterviewOutcome, InterviewRequest } from './talent/interview-request.entity';
import { CareerFair, CareerFairCohort, CareerFairEmployer, CareerFairRegistration, FairBooking, FairSlot } from './talent/career-fair.entity';

/** Every entity of the app, for the one data source (app and migration CLI). */
export const ENTITIES = [
  JobFailure, OutboxMessage, User, RefreshToken, Invitation, PasswordReset, RoleChange, PipelineProbe, Certificate,
  CertificateEvent, CertificationCriteria, Track, Skill, Course, DraftModule, Lesson, CourseVersion,
  Placement, PlacementFollowUp, ReportSnapshot, Assessment, AssessmentAttempt, Submission, Grade, HintReveal,
  Regrade, Cohort, CohortCourseVersion, CohortInstructor, CohortModuleUnlock, Application,
  ApplicationDecision, AssessmentGrade, Enrollment, LessonCompletion, ModuleProgress, TraineeImport,
  NotificationEvent, NotificationDelivery, NotificationPreference, EmailDigest, Webhook, WebhookDelivery,
  NotificationScheduleRun, Organisation, DemographicConsent,
  TalentProfile, EmployerAccess, ShortlistEntry, InterviewRequest, InterviewOutcome,
  CareerFair, CareerFairEmployer, CareerFairCohort, CareerFairRegistration, FairSlot, FairBooking,
];
