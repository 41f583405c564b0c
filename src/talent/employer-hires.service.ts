import { Injectable } from '@nestjs/common';
import { InterviewRequests } from './interview-requests.service';
import type { EmployerActor } from './employer-scope.service';
import type { InterviewRequestView, RecordOutcomeDto } from './dto/shortlist.dto';

/** Outcomes of interview requests, recorded by the employer. */
@Injectable()
export class EmployerHires {
  constructor(private readonly requests: InterviewRequests) {}

  async record(actor: EmployerActor, requestId: string, input: RecordOutcomeDto): Promise<InterviewRequestView> {
    return (await this.requests.recordOutcome(actor, requestId, input.stage, input.note)).view;
  }
}
