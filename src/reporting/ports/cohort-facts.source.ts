/** A published course version taught in a cohort, with its track (CYB, DATA, UX, CLOUD...). */
export interface CourseVersionFact {
  versionId: string;
  courseCode: string;
  courseTitle: string;
  trackCode: string;
}

export interface CohortFact {
  cohortId: string;
  name: string;
  instructorIds: string[];
  courseVersions: CourseVersionFact[];
  startsAt: Date | null;
  endsAt: Date | null;
  /** The cohort's IANA zone (libs/time): its calendar days are counted there. */
  timeZone: string;
}

export type ApplicationStatus = 'submitted' | 'shortlisted' | 'accepted' | 'waitlisted' | 'rejected' | 'withdrawn';

export interface ApplicationFact {
  traineeId: string;
  status: ApplicationStatus;
  submittedAt: Date;
}

export type EnrollmentStatus = 'active' | 'withdrawn' | 'completed';

export interface EnrollmentFact {
  enrollmentId: string;
  traineeId: string;
  courseVersionId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  /** Progress through the course, 0..100. */
  percent: number;
  lastActivityAt: Date | null;
  atRisk: boolean;
}

/** One learning action (a lesson completed, a submission made) of a trainee. */
export interface ActivityFact {
  traineeId: string;
  at: Date;
}

/**
 * What reporting needs to know of cohorts, applications, enrollments and progress. Reporting owns
 * this port; an adapter over the cohort module's exported service binds it (the lead, at merge).
 */
export abstract class CohortFactsSource {
  abstract cohort(cohortId: string): Promise<CohortFact | null>;
  abstract listCohortIds(): Promise<string[]>;
  abstract applications(cohortId: string): Promise<ApplicationFact[]>;
  abstract enrollments(cohortId: string): Promise<EnrollmentFact[]>;
  /** Learning actions at or after `since`. */
  abstract activity(cohortId: string, since: Date): Promise<ActivityFact[]>;
}
