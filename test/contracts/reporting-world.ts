/**
 * The small known world the reporting-port contract suites read, built by each stand its own way
 * (the real one over HTTP through every module and worker, the fake one by writing its fakes):
 * one cohort teaching one published version with a required quiz (module 1) and a required SQL
 * exercise (module 2), both max 100; three applicants.
 */
export interface ReportingWorld {
  cohortId: string;
  cohortName: string;
  versionId: string;
  courseTitle: string;
  trackCode: string;
  instructorId: string;
  quiz: { assessmentId: string; title: string; skillCodes: string[] };
  sql: { assessmentId: string; title: string; skillCodes: string[] };
  /** Accepted; completed all four lessons, passed both assessments at full marks, certified; enrollment completed. */
  certified: { traineeId: string; enrollmentId: string };
  /** Accepted; completed the two lessons of module 1, failed the quiz with 0, never tried the SQL exercise. */
  failed: { traineeId: string; enrollmentId: string };
  /** Rejected: an application, no enrollment. */
  rejectedTraineeId: string;
  /** A moment before anything of the world happened. */
  before: Date;
}

/** A cohort of the same version that starts later than the world's cohort, with nobody in it. */
export interface EmptyCohort {
  cohortId: string;
  startsAt: Date;
}
