import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { conflict, decodeCursor, notFound, Page, toPage, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { InterviewRequest, OutcomeStage } from './interview-request.entity';
import { TalentProfiles } from './talent-profiles.service';
import { EmployerAccessLog } from './employer-access-log.service';
import type { EmployerActor } from './employer-scope.service';
import type { InterviewRequestDto, InterviewRequestView } from './dto/shortlist.dto';

/** Stages in the order they happen; `declined` (by either side) may follow any of them but `hired`. */
const STAGE_ORDER: OutcomeStage[] = ['interviewed', 'offered', 'hired'];

type Reader = 'employer' | 'trainee';

/**
 * Interview requests (phase two): an employer asks, the trainee accepts (sharing contact details
 * with that organisation only) or declines; the employer then records the outcome per stage.
 */
@Injectable()
export class InterviewRequests {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly profiles: TalentProfiles,
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationDirectory,
    private readonly accessLog: EmployerAccessLog,
    private readonly outbox: Outbox,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(InterviewRequest);
  }

  @Transactional()
  async request(actor: EmployerActor, input: InterviewRequestDto): Promise<InterviewRequestView> {
    await this.profiles.listed(input.traineeId, { forWrite: true });
    const request = this.repo.create({
      organisationId: actor.organisationId,
      traineeId: input.traineeId,
      roleTitle: input.roleTitle.trim(),
      message: input.message.trim(),
      state: 'pending',
      stage: null,
      requestedBy: actor.employerId,
      answeredAt: null,
    });
    try {
      await this.repo.insert(request);
    } catch (error) {
      if (isUniqueViolation(error, 'interview_request_pending_once')) {
        throw conflict('interview-request-pending', 'Your organisation already has a request for this candidate and role waiting for an answer.');
      }
      throw error;
    }
    await this.accessLog.record(actor, 'interview_request', [input.traineeId], { requestId: request.id, roleTitle: request.roleTitle });
    await this.notify('interview-requested', request, [input.traineeId], { organisationName: actor.organisationName });
    return (await this.views([request]))[0];
  }

  /** The trainee answers a request still pending; answering it again the same way is a no-op, the other way a conflict. */
  @Transactional()
  async answer(traineeId: string, requestId: string, answer: 'accept' | 'decline'): Promise<InterviewRequestView> {
    // The profile's lock before the request's (the order withdrawal takes them): a withdrawal under
    // way finishes first and this answer then finds the profile withdrawn.
    const [listed]: unknown[] = await this.txHost.tx.query('SELECT 1 FROM talent_profile WHERE trainee_id = $1 AND listed FOR SHARE', [traineeId]);
    const request = await this.repo.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :requestId AND r.trainee_id = :traineeId', { requestId, traineeId }).getOne();
    if (!request) throw notFound('Interview request');
    const state = answer === 'accept' ? 'accepted' : 'declined';
    if (request.state === state) return (await this.views([request], 'trainee'))[0];
    if (request.state !== 'pending') throw conflict('interview-request-closed', `This request is ${request.state} and takes no answer.`);
    if (!listed) throw conflict('talent-profile-withdrawn', 'You withdrew your talent profile: list it again to answer employers.');
    await this.repo.update({ id: requestId }, { state, answeredAt: new Date() });
    const updated = (await this.repo.findOneBy({ id: requestId }))!;
    const person = await this.users.findById(traineeId);
    await this.notify('interview-answered', updated, [updated.requestedBy], { answer: state, traineeName: person?.displayName ?? '' });
    return (await this.views([updated], 'trainee'))[0];
  }

  /**
   * The employer records a stage an accepted request reached, once each (a repeat is a no-op).
   * Stages go forward: offered after interviewed, hired after offered; declined ends it.
   */
  @Transactional()
  async recordOutcome(actor: EmployerActor, requestId: string, stage: OutcomeStage, note?: string): Promise<{ view: InterviewRequestView; request: InterviewRequest; newlyRecorded: boolean }> {
    const request = await this.repo.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :requestId AND r.organisation_id = :org', { requestId, org: actor.organisationId }).getOne();
    if (!request) throw notFound('Interview request');
    if (request.state !== 'accepted') throw unprocessable('interview-not-accepted', 'Outcomes are recorded on requests the candidate accepted.');
    const [listed]: unknown[] = await this.txHost.tx.query('SELECT 1 FROM talent_profile WHERE trainee_id = $1 AND listed FOR SHARE', [request.traineeId]);
    if (!listed) throw unprocessable('talent-profile-withdrawn', 'The candidate withdrew their talent profile; nothing more is recorded about them.');
    const recorded: Array<{ stage: OutcomeStage }> = await this.txHost.tx.query('SELECT stage FROM interview_outcome WHERE request_id = $1', [requestId]);
    const done = new Set(recorded.map((r) => r.stage));
    if (done.has(stage)) return { view: (await this.views([request]))[0], request, newlyRecorded: false };
    if (done.has('hired') || done.has('declined')) throw unprocessable('interview-outcome-final', `The request ended as ${request.stage}; no later stage follows.`);
    const index = STAGE_ORDER.indexOf(stage);
    if (index > 0 && !done.has(STAGE_ORDER[index - 1])) {
      throw unprocessable('interview-stage-order', `Record ${STAGE_ORDER[index - 1]} before ${stage}.`, { errors: [{ field: 'stage', message: `needs ${STAGE_ORDER[index - 1]} first` }] });
    }
    await this.txHost.tx.query('INSERT INTO interview_outcome (request_id, stage, note, recorded_by) VALUES ($1, $2, $3, $4)', [requestId, stage, note ?? null, actor.employerId]);
    await this.repo.update({ id: requestId }, { stage });
    await this.accessLog.record(actor, 'outcome', [request.traineeId], { requestId, stage });
    const updated = (await this.repo.findOneBy({ id: requestId }))!;
    return { view: (await this.views([updated]))[0], request: updated, newlyRecorded: true };
  }

  async getForEmployer(actor: EmployerActor, requestId: string): Promise<InterviewRequestView> {
    const request = await this.repo.findOneBy({ id: requestId, organisationId: actor.organisationId });
    if (!request) throw notFound('Interview request');
    return (await this.views([request]))[0];
  }

  async listForEmployer(actor: EmployerActor, query: { limit: number; cursor?: string }): Promise<Page<InterviewRequestView>> {
    return this.page({ organisation_id: actor.organisationId }, query);
  }

  async listForTrainee(traineeId: string, query: { limit: number; cursor?: string }): Promise<Page<InterviewRequestView>> {
    return this.page({ trainee_id: traineeId }, query, 'trainee');
  }

  private async page(owner: { organisation_id: string } | { trainee_id: string }, query: { limit: number; cursor?: string }, reader: Reader = 'employer'): Promise<Page<InterviewRequestView>> {
    const after = decodeCursor<{ id: string }>(query.cursor, ['id']);
    const [column, value] = Object.entries(owner)[0];
    const qb = this.repo.createQueryBuilder('r').where(`r.${column} = :value`, { value }).orderBy('r.id', 'ASC').limit(query.limit + 1);
    if (after) qb.andWhere('r.id > :id', after);
    return toPage(await this.views(await qb.getMany(), reader), query.limit, (v) => ({ id: v.id }));
  }

  private async notify(type: 'interview-requested' | 'interview-answered', request: InterviewRequest, recipientIds: string[], data: Record<string, unknown>): Promise<void> {
    const eventKey = `${type}:${request.id}`;
    await this.outbox.publish('notify', { type, eventKey, recipientIds, data: { requestId: request.id, roleTitle: request.roleTitle, ...data } });
  }

  /** An employer sees the name of a candidate still listed only: withdrawing consent hides it from their history too. */
  private async views(requests: InterviewRequest[], reader: Reader = 'employer'): Promise<InterviewRequestView[]> {
    if (requests.length === 0) return [];
    const traineeIds = [...new Set(requests.map((r) => r.traineeId))];
    const shown: Array<{ trainee_id: string }> = reader === 'trainee'
      ? traineeIds.map((id) => ({ trainee_id: id }))
      : await this.txHost.tx.query('SELECT trainee_id FROM talent_profile WHERE trainee_id = ANY($1::uuid[]) AND listed', [traineeIds]);
    const people = new Map((await this.users.findByIds(shown.map((s) => s.trainee_id))).map((p) => [p.id, p.displayName]));
    const organisations = new Map((await this.organisations.findByIds(requests.map((r) => r.organisationId))).map((o) => [o.id, o.name]));
    const outcomes: Array<{ request_id: string; stage: OutcomeStage; recorded_at: Date }> = await this.txHost.tx.query(
      'SELECT request_id, stage, recorded_at FROM interview_outcome WHERE request_id = ANY($1::uuid[]) ORDER BY recorded_at, stage',
      [requests.map((r) => r.id)],
    );
    return requests.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: organisations.get(r.organisationId) ?? '',
      traineeId: r.traineeId,
      displayName: people.get(r.traineeId) ?? '',
      roleTitle: r.roleTitle,
      message: r.message,
      state: r.state,
      stage: r.stage,
      outcomes: outcomes.filter((o) => o.request_id === r.id).map((o) => ({ stage: o.stage, recordedAt: new Date(o.recorded_at).toISOString() })),
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    }));
  }
}
