import { Injectable } from '@nestjs/common';
import { Transactional } from '@gds/database';
import { Outbox } from '@gds/queue';
import { InterviewRequests } from './interview-requests.service';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { InterviewRequestView, RecordOutcomeDto } from './dto/shortlist.dto';

/**
 * Outcomes of interview requests, recorded by the employer. A hire, in the same transaction,
 * asks the reporting module (through the outbox, `record-pipeline-hire`) to record an
 * employer-confirmed placement with its follow-ups.
 */
@Injectable()
export class EmployerHires {
  constructor(
    private readonly requests: InterviewRequests,
    private readonly outbox: Outbox,
    private readonly accessLog: EmployerAccessLog,
  ) {}

  @Transactional()
  async record(actor: EmployerActor, requestId: string, input: RecordOutcomeDto): Promise<InterviewRequestView> {
    const { view, request, newlyRecorded } = await this.requests.recordOutcome(actor, requestId, input.stage, input.note);
    if (newlyRecorded && input.stage === 'hired') {
      await this.accessLog.record(actor, 'hire', [request.traineeId], { requestId });
      await this.outbox.publish('record-pipeline-hire', { interviewRequestId: requestId });
    }
    return view;
  }
}
