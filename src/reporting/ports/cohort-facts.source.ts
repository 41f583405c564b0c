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

  /**
   * What a report counts of activity, and no more: of each trainee's learning actions in each of
   * `weeks` 7-day windows counted back from `until` (window j is (until − (j+1)·7 d, until − j·7 d],
   * in whole milliseconds as a Date holds them), the latest one. Counting distinct trainees over
   * any union of those windows gives the same answer as over every action. This default reduces
   * `activity`; the cohort module's adapter does it in SQL (a cohort's 500,000 grades are one
   * row per trainee and week, not 500,000 rows).
   */
  async weeklyActivity(cohortId: string, until: Date, weeks: number): Promise<ActivityFact[]> {
    return latestPerWeek(await this.activity(cohortId, new Date(until.getTime() - weeks * WEEK_MS)), until, weeks);
  }
}

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The latest action of each trainee in each 7-day window counted back from `until` (see weeklyActivity). */
export function latestPerWeek(activity: ActivityFact[], until: Date, weeks: number): ActivityFact[] {
  const latest = new Map<string, ActivityFact>();
  for (const a of activity) {
    const back = until.getTime() - a.at.getTime();
    if (back < 0 || back >= weeks * WEEK_MS) continue;
    const key = `${a.traineeId}:${Math.floor(back / WEEK_MS)}`;
    const before = latest.get(key);
    if (!before || a.at.getTime() > before.at.getTime()) latest.set(key, a);
  }
  return [...latest.values()];
}
