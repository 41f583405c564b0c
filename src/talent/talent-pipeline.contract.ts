/** Everything the pipeline holds about one trainee, for their data export. */
export type TalentPersonalDataExport = {
  profile: Record<string, unknown> | null;
  profileViews: Array<{ organisationId: string; at: string }>;
  shortlists: Array<{ organisationId: string; roleTitle: string; createdAt: string }>;
  interviewRequests: Array<Record<string, unknown>>;
};

/**
 * The talent module's public face for other modules: the privacy module's export of a trainee's
 * pipeline data.
 */
export abstract class TalentPipeline {
  abstract exportFor(traineeId: string): Promise<TalentPersonalDataExport>;
}
