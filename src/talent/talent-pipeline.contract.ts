/** Everything the pipeline holds about one trainee, for their data export. */
export type TalentPersonalDataExport = {
  profile: Record<string, unknown> | null;
  profileViews: Array<{ organisationId: string; at: string }>;
  shortlists: Array<{ organisationId: string; roleTitle: string; createdAt: string }>;
  interviewRequests: Array<Record<string, unknown>>;
};

/** A hire an employer confirmed: what the placement it becomes is made of. */
export interface PipelineHire {
  interviewRequestId: string;
  traineeId: string;
  /** The cohort the trainee's profile was listed from (their latest enrollment then). */
  cohortId: string;
  organisationId: string;
  roleTitle: string;
  hiredAt: Date;
  recordedBy: string;
}

/** Which of the trainees asked about reached each stage of the pipeline (for outcome reports, counted there). */
export interface PipelineStages {
  /** Listed a profile at some time (a withdrawal later does not undo that they were listed). */
  listed: string[];
  /** Had their profile viewed by an employer. */
  viewed: string[];
  shortlisted: string[];
  interviewed: string[];
  hired: string[];
}

/**
 * The talent module's public face for other modules: the privacy module's export, the reporting
 * module's placements from confirmed hires and its pipeline figures.
 */
export abstract class TalentPipeline {
  abstract exportFor(traineeId: string): Promise<TalentPersonalDataExport>;
  /** The hire recorded on this interview request, or null if it records none. */
  abstract hire(interviewRequestId: string): Promise<PipelineHire | null>;
  abstract stagesOf(traineeIds: string[]): Promise<PipelineStages>;
  /**
   * Erasure on request: the profile leaves every employer's reach and loses its free text, pending
   * requests end, messages and notes are cleared; the counts the reports publish stay as they were.
   */
  abstract eraseFor(traineeId: string): Promise<void>;
}
