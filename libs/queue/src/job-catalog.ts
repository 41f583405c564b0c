import { randomUUID } from 'node:crypto';
import { composeJobId } from './job-id';

/**
 * Every queue and every job the workers run, with its payload type, its retry policy, how its id
 * is made and its schedule. A job is published through the outbox under its name; the relay adds
 * it to the queue named here. Start-up fails when a job below has no @JobHandler, or two.
 */
/** `grading` holds quizzes and flags (graded in memory); `grading-slow` SQL, config and rubric answers, which may take seconds. */
export const QUEUE_NAMES = ['grading', 'grading-slow', 'progress', 'notifications', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Payload of each job, by job name. Payloads carry ids, never entities. */
export interface JobPayloads {
  /** Health probe of the pipeline: proves outbox → relay → queue → handler end to end. */
  'pipeline-probe': { probeId: string };

  // grading (assessment module)
  'grade-submission': { submissionId: string };
  /** The same for kinds whose grader is slow (SQL, config, rubric with HTML checks). */
  'grade-slow-submission': { submissionId: string };
  'regrade-assessment': { regradeId: string };

  // progress
  /** cohort: recompute an enrollment's lesson/module progress (after a lesson completion or a graded assessment). */
  'recompute-progress': { enrollmentId: string };
  /**
   * cohort: a cohort's start or zone changed; recompute its active enrollments in batches. `changedAt`
   * (the change's transaction time, to the microsecond) tells two changes to the same start apart.
   */
  'cohort-schedule-changed': { cohortId: string; startsAt: string; timeZone: string; changedAt: string };
  /** cohort hears a grade: records pass/fail for module completion and at-risk. */
  /** `gradedAt` orders the grades of one submission (initial, review, regrades, overrides): the latest one counts. */
  'assessment-graded': { submissionId: string; enrollmentId: string; assessmentId: string; traineeId: string; passed: boolean; score: number; maxScore: number; gradedAt: string };
  /** certification: evaluate completion criteria after progress or grades changed. */
  'evaluate-certificate': { enrollmentId: string };
  /** cohort: import trainees from CSV (long job with progress). */
  'import-trainees': { importId: string };

  // reporting
  /** reporting: recompute one cohort's outcome report snapshot. */
  /** `requestedSecond` (Unix seconds) makes the requests of one second one job. */
  'refresh-cohort-report': { cohortId: string; requestedSecond: number };

  // notifications (notification module)
  /**
   * Tell people something. `eventKey` is deterministic per fact (e.g. `graded:<submissionId>`), so
   * that a repeated job notifies nobody twice: one notification per (eventKey, recipient, channel).
   */
  notify: { type: NotificationType; eventKey: string; recipientIds: string[]; data: Record<string, unknown> };
  'deliver-email': { deliveryId: string };
  /**
   * An account email (invitation, password reset) that must reach its owner whatever their
   * preferences say and never shows in the inbox. Carries only the id of the invitation or reset:
   * the worker chooses the link's secret when it sends, so no token is ever in a payload.
   */
  'send-account-email': { kind: AccountEmailKind; id: string };
  /** `attempt` (1, 2, …) makes each retry its own job while a repeated publication of one attempt stays one. */
  'deliver-webhook': { deliveryId: string; attempt: number };
  'send-email-digests': Record<string, never>;
  /** One digest email: the queued digest-mode notifications of one person, claimed by send-email-digests. */
  'deliver-email-digest': { digestId: string };

  // schedules (BullMQ job schedulers, not the outbox)
  'scan-at-risk': Record<string, never>;
  'scan-deadlines': Record<string, never>;
  /** cohort: tells the trainees of each cohort whose start day (in the cohort's zone) is today, once. */
  'scan-cohort-starts': Record<string, never>;
  /** assessment: submissions whose grading job failed for good without marking them end in error. */
  'scan-stalled-submissions': Record<string, never>;
  /** assessment: drop sandbox datasets no assessment uses (daily). */
  'sweep-sandbox-datasets': Record<string, never>;
  /** cohort: each running cohort's digest to its instructors and the reviewers, at a local hour of each recipient's week, once per that week. */
  'send-weekly-digests': Record<string, never>;
  /** reporting: refresh every cohort's outcome report snapshot (REPORT_REFRESH_INTERVAL_SECONDS). */
  'refresh-cohort-reports': Record<string, never>;
  /** talent: remind trainees and employers of fair meetings starting within a day (each booking once). */
  'scan-fair-reminders': Record<string, never>;
  /** reporting: an employer confirmed a hire in the talent pipeline; record the placement (once per interview request). */
  'record-pipeline-hire': { interviewRequestId: string };
  /** reporting: tell staff of placement follow-ups (3 and 6 months) that fell due, each once (daily). */
  'scan-placement-follow-ups': Record<string, never>;
  /**
   * A fact for whoever keeps a copy of what a trainee has proven (the talent module's searchable
   * profile): a certificate was issued or revoked, or a grade was stored that passes an assessment
   * not passed before or takes a pass back (a second pass proves nothing new and is not announced).
   * The handler reads the trainee's evidence as it is when it runs.
   */
  'trainee-evidence-changed': { traineeId: string };
}

/** Every kind of notification; preferences are per type and channel. */
export const NOTIFICATION_TYPES = [
  'application-decided',
  'enrolled',
  'promoted-from-waitlist',
  'module-unlocked',
  'submission-graded',
  'submission-needs-review',
  'submission-grading-failed',
  'deadline-approaching',
  'at-risk',
  'certificate-issued',
  'certificate-revoked',
  'cohort-digest',
  'webhook-disabled',
  'import-finished',
  'assessment-exception-granted',
  /** Staff's message to a cohort, a track of it or named trainees (subject and body as written). */
  'announcement',
  /** The applicant's receipt: the application arrived and waits for a decision. */
  'application-received',
  /** The trainee's course starts today (the cohort's start day, in its zone). */
  'cohort-starts-today',
  'course-version-changed',
  'interview-requested',
  'interview-answered',
  'fair-meeting-reminder',
  /** A fair meeting not yet begun was cancelled (by the trainee, by staff, or by withdrawal of consent): the slot's employer is told. */
  'fair-meeting-cancelled',
  'placement-follow-up-due',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Emails about the account itself (identity asks, notification sends). */
export const ACCOUNT_EMAIL_KINDS = ['invitation', 'password-reset'] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

export type JobName = keyof JobPayloads;

/** How a scheduled job repeats: a fixed interval, a cron pattern (UTC), or one the app's configuration sets (QueueSettings.schedules). */
export type JobRepeat = { every: number } | { pattern: string; tz: 'UTC' };
export type JobSchedule = JobRepeat | 'configured';

export interface JobPolicy {
  queue: QueueName;
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
  /**
   * Finished jobs kept for dedup by job id and for the dashboard, by age and by count (BullMQ keeps
   * at most `count` of the queue's finished jobs when one finishes): a burst cannot fill Redis.
   */
  keepCompletedSeconds: number;
  keepFailedSeconds: number;
  keepCompletedCount?: number;
  keepFailedCount?: number;
  /** Set for jobs that run on a schedule (BullMQ job schedulers, registered by JobSchedulers in workers). */
  schedule?: JobSchedule;
}

/**
 * Which job a publication makes. A function answers the parts of the payload that identify one
 * fact: publishing the same fact twice then makes one BullMQ job (the id is `jobIdFor`'s, made
 * here and nowhere else). `EACH_PUBLICATION`: every publication is a job of its own, for jobs
 * that read the latest state when they run (a second recompute after a second change is wanted)
 * and for scheduled jobs (the scheduler makes their ids; a hand-published run is one more run).
 */
export const EACH_PUBLICATION = 'each-publication';
export type JobIdRule<N extends JobName> = ((payload: JobPayloads[N]) => Array<string | number>) | typeof EACH_PUBLICATION;

/** A job's policy and how its id is made, typed by its payload. */
export interface JobSpec<N extends JobName> extends JobPolicy {
  id: JobIdRule<N>;
}

/** Count caps unless a job states its own: well above a day's jobs of a national programme, far below Redis's memory. */
export const DEFAULT_KEEP_COMPLETED_COUNT = 50_000;
export const DEFAULT_KEEP_FAILED_COUNT = 100_000;

const DAY = 24 * 60 * 60;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

export const JOB_CATALOG: { [N in JobName]: JobSpec<N> } = {
  'pipeline-probe': { queue: 'maintenance', attempts: 3, backoffMs: 500, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, id: (p) => [p.probeId] },
  'grade-submission': { queue: 'grading', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.submissionId] },
  'grade-slow-submission': { queue: 'grading-slow', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.submissionId] },
  'regrade-assessment': { queue: 'maintenance', attempts: 3, backoffMs: 2000, keepCompletedSeconds: 7 * DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.regradeId] },
  'recompute-progress': { queue: 'progress', attempts: 5, backoffMs: 500, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: EACH_PUBLICATION },
  // Keyed by the change: a start moved A → B → A → B must recompute for the last B, though a job for the first B is still kept.
  'cohort-schedule-changed': { queue: 'maintenance', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.cohortId, p.startsAt, p.timeZone, p.changedAt] },
  'assessment-graded': { queue: 'progress', attempts: 5, backoffMs: 500, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.submissionId, p.gradedAt] },
  'evaluate-certificate': { queue: 'progress', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: EACH_PUBLICATION },
  'import-trainees': { queue: 'maintenance', attempts: 1, backoffMs: 1000, keepCompletedSeconds: 7 * DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.importId] },
  notify: { queue: 'notifications', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.eventKey] },
  'deliver-email': { queue: 'notifications', attempts: 6, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.deliveryId] },
  'send-account-email': { queue: 'notifications', attempts: 6, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.kind, p.id] },
  'deliver-webhook': { queue: 'notifications', attempts: 8, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.deliveryId, p.attempt] },
  'send-email-digests': { queue: 'notifications', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: 'configured', id: EACH_PUBLICATION },
  'deliver-email-digest': { queue: 'notifications', attempts: 6, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.digestId] },
  'scan-at-risk': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: 'configured', id: EACH_PUBLICATION },
  'scan-deadlines': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: HOUR_MS }, id: EACH_PUBLICATION },
  // Hourly, so every zone's start day is seen within its first hour.
  'scan-cohort-starts': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: HOUR_MS }, id: EACH_PUBLICATION },
  'sweep-sandbox-datasets': { queue: 'maintenance', attempts: 3, backoffMs: 60000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: DAY * 1000 }, id: EACH_PUBLICATION },
  'scan-stalled-submissions': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: 10 * MINUTE_MS }, id: EACH_PUBLICATION },
  // Hourly, so each recipient's weekly digest goes out within the first hour of their zone's digest time.
  'send-weekly-digests': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: HOUR_MS }, id: EACH_PUBLICATION },
  'refresh-cohort-report': { queue: 'maintenance', attempts: 3, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, id: (p) => [p.cohortId, p.requestedSecond] },
  'refresh-cohort-reports': { queue: 'maintenance', attempts: 2, backoffMs: 5000, keepCompletedSeconds: 3600, keepFailedSeconds: 7 * DAY, schedule: 'configured', id: EACH_PUBLICATION },
  'scan-fair-reminders': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: 15 * MINUTE_MS }, id: EACH_PUBLICATION },
  'record-pipeline-hire': { queue: 'maintenance', attempts: 5, backoffMs: 2000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: (p) => [p.interviewRequestId] },
  'scan-placement-follow-ups': { queue: 'maintenance', attempts: 3, backoffMs: 5000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY, schedule: { every: 6 * HOUR_MS }, id: EACH_PUBLICATION },
  // Each publication runs: the handler reads the latest evidence, so a later change needs its own run.
  'trainee-evidence-changed': { queue: 'progress', attempts: 5, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 30 * DAY, id: EACH_PUBLICATION },
};


export function jobPolicy(name: string): JobPolicy | undefined {
  return (JOB_CATALOG as Record<string, JobPolicy>)[name];
}

/**
 * The BullMQ job id of one publication: the job's name and the identifying parts its catalog entry
 * names, escaped by composeJobId (never ':', never an integer: BullMQ refuses both). The outbox
 * stores it; the relay adds the job under it; job-status reads find the job by it.
 */
export function jobIdFor<N extends JobName>(name: N, payload: JobPayloads[N]): string {
  const rule = (JOB_CATALOG[name] as JobSpec<N>).id;
  return rule === EACH_PUBLICATION ? composeJobId(name, randomUUID()) : composeJobId(name, ...rule(payload));
}

/** For an outbox row of a job a later release dropped from the catalog: it still runs (and fails into job_failure), bounded. */
const UNKNOWN_JOB_POLICY: JobPolicy = { queue: 'maintenance', attempts: 3, backoffMs: 1000, keepCompletedSeconds: DAY, keepFailedSeconds: 7 * DAY };

/** The one place a job's BullMQ options are made: the relay and the scheduler registrar both use it. */
export function jobOptions(name: JobName | (string & {})) {
  const policy = jobPolicy(name) ?? UNKNOWN_JOB_POLICY;
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential' as const, delay: policy.backoffMs },
    removeOnComplete: { age: policy.keepCompletedSeconds, count: policy.keepCompletedCount ?? DEFAULT_KEEP_COMPLETED_COUNT },
    removeOnFail: { age: policy.keepFailedSeconds, count: policy.keepFailedCount ?? DEFAULT_KEEP_FAILED_COUNT },
  };
}

/** The jobs that run on a schedule, with how they repeat as the catalog says it. */
export function scheduledJobs(): Array<{ name: JobName; schedule: JobSchedule }> {
  return (Object.keys(JOB_CATALOG) as JobName[]).flatMap((name) => {
    const schedule = (JOB_CATALOG[name] as JobPolicy).schedule;
    return schedule ? [{ name, schedule }] : [];
  });
}

