import { PipelineHire, PipelineStages, TalentPersonalDataExport, TalentPipeline } from '../../../src/talent/talent-pipeline.contract';

type Stage = keyof PipelineStages;

/** The talent module's pipeline in memory; checked against the module by test/contracts/talent-pipeline.contract-suite.ts. */
export class FakeTalentPipeline extends TalentPipeline {
  readonly reached: Record<Stage, Set<string>> = { listed: new Set(), viewed: new Set(), shortlisted: new Set(), interviewed: new Set(), hired: new Set() };
  readonly hires = new Map<string, PipelineHire>();

  /** The trainee reached this stage (and, as in the pipeline, every stage before it is theirs to have reached by the caller's say). */
  reach(stage: Stage, traineeId: string): void {
    this.reached[stage].add(traineeId);
  }

  recordHire(hire: PipelineHire): void {
    this.hires.set(hire.interviewRequestId, { ...hire });
    this.reach('hired', hire.traineeId);
  }

  async exportFor(_traineeId: string): Promise<TalentPersonalDataExport> {
    return { profile: null, profileViews: [], shortlists: [], interviewRequests: [] };
  }

  async hire(interviewRequestId: string): Promise<PipelineHire | null> {
    const hire = this.hires.get(interviewRequestId);
    return hire ? { ...hire } : null;
  }

  async stagesOf(traineeIds: string[]): Promise<PipelineStages> {
    const asked = [...new Set(traineeIds)];
    const of = (stage: Stage) => asked.filter((id) => this.reached[stage].has(id));
    return { listed: of('listed'), viewed: of('viewed'), shortlisted: of('shortlisted'), interviewed: of('interviewed'), hired: of('hired') };
  }

  /** Erasure leaves the counts the reports publish as they were: the stages reached stay. */
  async eraseFor(_traineeId: string): Promise<void> {}
}
