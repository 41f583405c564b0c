import { randomUUID } from 'node:crypto';
import { TalentPipeline } from '../../src/talent/talent-pipeline.contract';

/**
 * A provider of TalentPipeline with the means to move trainees through it: the fake records stages,
 * the talent module is driven over HTTP (a trainee lists a profile, an employer views, shortlists,
 * asks to an interview, records the outcomes).
 */
export interface TalentPipelineStand {
  pipeline: TalentPipeline;
  /** A trainee who may list a profile (enrolled in a cohort). */
  trainee(): Promise<string>;
  list(traineeId: string): Promise<void>;
  view(traineeId: string): Promise<void>;
  shortlist(traineeId: string): Promise<void>;
  /** An accepted interview request with the outcome `interviewed`; answers the request's id. */
  interview(traineeId: string): Promise<string>;
  /** Records `offered`, then `hired`, on that request. */
  hire(interviewRequestId: string): Promise<void>;
  close(): Promise<void>;
}

const sorted = (ids: string[]) => [...ids].sort();

/** What reporting relies on of TalentPipeline (test/organisation-talent-contracts.e2e-spec.ts runs it against the fake and the talent module). */
export function describeTalentPipelineContract(name: string, makeStand: () => Promise<TalentPipelineStand>): void {
  describe(`TalentPipeline contract: ${name}`, () => {
    let stand: TalentPipelineStand;
    beforeAll(async () => {
      stand = await makeStand();
    });
    afterAll(() => stand?.close());

    it('answers no stage for trainees who never listed, for unknown ids and for none asked', async () => {
      const quiet = await stand.trainee();
      const empty = { listed: [], viewed: [], shortlisted: [], interviewed: [], hired: [] };
      expect(await stand.pipeline.stagesOf([quiet, randomUUID()])).toEqual(empty);
      expect(await stand.pipeline.stagesOf([])).toEqual(empty);
      expect(await stand.pipeline.hire(randomUUID())).toBeNull();
    });

    it('answers which of the trainees asked reached each stage, each once', async () => {
      const [listed, shortlisted, hired, other] = [await stand.trainee(), await stand.trainee(), await stand.trainee(), await stand.trainee()];
      for (const id of [listed, shortlisted, hired, other]) await stand.list(id);
      for (const id of [shortlisted, hired]) {
        await stand.view(id);
        await stand.shortlist(id);
      }
      const requestId = await stand.interview(hired);
      await stand.hire(requestId);
      const stages = await stand.pipeline.stagesOf([listed, shortlisted, hired, listed, randomUUID()]);
      expect({
        listed: sorted(stages.listed), viewed: sorted(stages.viewed), shortlisted: sorted(stages.shortlisted), interviewed: stages.interviewed, hired: stages.hired,
      }).toEqual({
        listed: sorted([listed, shortlisted, hired]), viewed: sorted([shortlisted, hired]), shortlisted: sorted([shortlisted, hired]), interviewed: [hired], hired: [hired],
      });
      expect(await stand.pipeline.hire(requestId)).toMatchObject({ interviewRequestId: requestId, traineeId: hired, roleTitle: expect.any(String), hiredAt: expect.any(Date) });
    });
  });
}
