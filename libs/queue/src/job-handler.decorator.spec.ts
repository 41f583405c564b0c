import { HandledJob, JOB_HANDLER, JobHandler } from './job-handler.decorator';

/* npm run typecheck compiles this file: each @ts-expect-error below must stay an error, or typecheck fails. */
class Handlers {
  @JobHandler('grade-submission')
  async grade(job: HandledJob<'grade-submission'>): Promise<string> {
    return job.data.submissionId;
  }

  /** Schedules carry no payload: a handler may ignore its job. */
  @JobHandler('scan-deadlines')
  async scan(): Promise<void> {}

  // @ts-expect-error notify's payload is not grade-submission's
  @JobHandler('grade-submission')
  async wrongJob(job: HandledJob<'notify'>): Promise<number> {
    return job.data.recipientIds.length;
  }

  // @ts-expect-error the payload's submissionId is a string
  @JobHandler('grade-submission')
  async wrongShape(job: { data: { submissionId: number } }): Promise<number> {
    return job.data.submissionId;
  }

  // @ts-expect-error the catalog has no such job
  @JobHandler('grade-everything')
  async unknown(): Promise<void> {}
}

describe('@JobHandler', () => {
  it('records the job name on the method, for the registry that routes jobs to handlers', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.grade)).toBe('grade-submission');
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.scan)).toBe('scan-deadlines');
  });
});
