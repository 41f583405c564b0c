import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { localDate } from '@gds/time';
import { UserDirectory } from '../../identity/identity.module';
import { conflict, decodeCursor, forbidden, hasRole, notFound, Page, PageQuery, Principal, toPage, unprocessable } from '@gds/http';
import { CohortFact, CohortFactsSource } from '../ports/cohort-facts.source';
import { ReportAccess } from '../report-access.service';
import { CohortOutcomes } from '../cohort-outcomes.service';
import { CreatePlacementDto, FollowUpDto, PlacementView, UpdatePlacementDto } from '../dto/placement.dto';
import { Placement } from './placement.entity';
import { PlacementFollowUp } from './placement-follow-up.entity';
import { DateProblem, followUpDateProblem, placementDateProblem, PlacementBounds } from './placement-dates';

/** A date rule broken answers 422 naming the rule and the field; nothing is stored. */
function refuse(problem: DateProblem | null): void {
  if (problem) throw unprocessable(problem.slug, problem.detail, { errors: [{ field: problem.field, message: problem.detail }] });
}

/**
 * Placements: admins and the cohort's instructors record and correct them; a trainee may
 * self-report (and correct) their own. Reviewers only ever see the rates in the report.
 */
@Injectable()
export class Placements {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly cohorts: CohortFactsSource,
    private readonly access: ReportAccess,
    private readonly outcomes: CohortOutcomes,
    private readonly users: UserDirectory,
  ) {}

  @Transactional()
  async create(principal: Principal, cohortId: string, input: CreatePlacementDto): Promise<PlacementView> {
    const cohort = await this.cohortFor(principal, cohortId);
    const manager = this.access.mayManage(principal, cohort);
    const traineeId = input.traineeId ?? principal.userId;
    if (!manager && (traineeId !== principal.userId || input.source !== 'self_reported')) {
      throw forbidden('Trainees may only self-report their own placements.');
    }
    await this.requireEnrolled(cohortId, traineeId);
    refuse(placementDateProblem(input.startsOn, await this.bounds(cohort, traineeId)));
    const repo = this.txHost.tx.getRepository(Placement);
    const placement = repo.create({ ...input, cohortId, traineeId, recordedBy: principal.userId });
    await this.saving(() => repo.insert(placement));
    await this.outcomes.invalidate(cohortId);
    return this.get(principal, placement.id);
  }

  async list(principal: Principal, cohortId: string, query: PageQuery): Promise<Page<PlacementView>> {
    const cohort = await this.cohortFor(principal, cohortId);
    const after = decodeCursor<{ id: string }>(query.cursor, ['id']);
    const qb = this.txHost.tx.getRepository(Placement).createQueryBuilder('p').where('p.cohort_id = :cohortId', { cohortId });
    if (!this.access.mayManage(principal, cohort)) qb.andWhere('p.trainee_id = :me', { me: principal.userId });
    // Keyset on the id alone: a stable order that no two rows share.
    if (after) qb.andWhere('p.id > :id', after);
    const rows = await qb.orderBy('p.id', 'ASC').limit(query.limit + 1).getMany();
    const views = await this.views(rows);
    return toPage(views, query.limit, (v) => ({ id: v.id }));
  }

  async get(principal: Principal, id: string): Promise<PlacementView> {
    return (await this.views([await this.visible(principal, id)]))[0];
  }

  @Transactional()
  async update(principal: Principal, id: string, input: UpdatePlacementDto): Promise<PlacementView> {
    const placement = await this.editable(principal, id, input.source);
    if (input.traineeId && input.traineeId !== placement.traineeId) {
      throw unprocessable('trainee-fixed', 'A placement stays with its trainee; delete it and record a new one.');
    }
    if (input.startsOn && input.startsOn !== placement.startsOn) await this.checkNewStart(placement, input.startsOn);
    await this.saving(() => this.txHost.tx.getRepository(Placement).update({ id }, { ...input, updatedAt: new Date() }));
    await this.outcomes.invalidate(placement.cohortId);
    return this.get(principal, id);
  }

  @Transactional()
  async remove(principal: Principal, id: string): Promise<void> {
    const placement = await this.editable(principal, id);
    await this.txHost.tx.getRepository(Placement).delete({ id });
    await this.outcomes.invalidate(placement.cohortId);
  }

  @Transactional()
  async recordFollowUp(principal: Principal, id: string, month: 3 | 6, input: FollowUpDto): Promise<PlacementView> {
    const placement = await this.editable(principal, id);
    const cohort = (await this.cohorts.cohort(placement.cohortId))!;
    refuse(followUpDateProblem(placement.startsOn, month, input.checkedOn, await this.todayOf(placement.traineeId, cohort)));
    await this.txHost.tx.query(
      `INSERT INTO placement_follow_up (placement_id, month, still_in_role, checked_on, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (placement_id, month) DO UPDATE SET still_in_role = excluded.still_in_role, checked_on = excluded.checked_on,
         note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = now()`,
      [id, month, input.stillInRole, input.checkedOn, input.note ?? null, principal.userId],
    );
    await this.outcomes.invalidate(placement.cohortId);
    return this.get(principal, id);
  }

  /**
   * The days a placement of this trainee in this cohort must keep to (see placement-dates). The
   * course's start and the enrollment are days of the cohort, counted in its zone; "today" is the
   * trainee's, in their own zone: a job that began this morning in Manila has begun, whatever the
   * date is in UTC or in the programme's office.
   */
  private async bounds(cohort: CohortFact, traineeId: string): Promise<PlacementBounds> {
    const enrolled = (await this.cohorts.enrollments(cohort.cohortId)).filter((e) => e.traineeId === traineeId).map((e) => e.enrolledAt.getTime());
    return {
      today: await this.todayOf(traineeId, cohort),
      courseStartsOn: cohort.startsAt ? localDate(cohort.startsAt, cohort.timeZone) : null,
      enrolledOn: enrolled.length > 0 ? localDate(new Date(Math.min(...enrolled)), cohort.timeZone) : null,
    };
  }

  /** Today in the trainee's zone (the cohort's if the person is gone). */
  private async todayOf(traineeId: string, cohort: CohortFact): Promise<string> {
    const person = await this.users.findById(traineeId);
    return localDate(new Date(), person?.timeZone ?? cohort.timeZone);
  }

  /** A new start date must be possible itself and keep the follow-ups already recorded possible. */
  private async checkNewStart(placement: Placement, startsOn: string): Promise<void> {
    const cohort = (await this.cohorts.cohort(placement.cohortId))!;
    const bounds = await this.bounds(cohort, placement.traineeId);
    refuse(placementDateProblem(startsOn, bounds));
    const today = bounds.today;
    for (const f of await this.txHost.tx.getRepository(PlacementFollowUp).findBy({ placementId: placement.id })) refuse(followUpDateProblem(startsOn, f.month, f.checkedOn, today));
  }

  private async cohortFor(principal: Principal, cohortId: string): Promise<CohortFact> {
    const cohort = await this.cohorts.cohort(cohortId);
    if (!cohort) throw notFound('Cohort');
    if (this.access.mayManage(principal, cohort)) return cohort;
    if (hasRole(principal, 'trainee') && (await this.isEnrolled(cohortId, principal.userId))) return cohort;
    throw notFound('Cohort');
  }

  private async isEnrolled(cohortId: string, traineeId: string): Promise<boolean> {
    return (await this.cohorts.enrollments(cohortId)).some((e) => e.traineeId === traineeId);
  }

  private async requireEnrolled(cohortId: string, traineeId: string): Promise<void> {
    if (!(await this.isEnrolled(cohortId, traineeId))) {
      throw unprocessable('trainee-not-in-cohort', 'The trainee was never enrolled in this cohort.', { errors: [{ field: 'traineeId', message: 'is not a trainee of this cohort' }] });
    }
  }

  /** The placement if the caller manages its cohort or it is their own; else 404. */
  private async visible(principal: Principal, id: string): Promise<Placement> {
    const placement = await this.txHost.tx.getRepository(Placement).findOneBy({ id });
    if (!placement) throw notFound('Placement');
    if (placement.traineeId === principal.userId) return placement;
    const cohort = await this.cohorts.cohort(placement.cohortId);
    if (cohort && this.access.mayManage(principal, cohort)) return placement;
    throw notFound('Placement');
  }

  private async editable(principal: Principal, id: string, source?: string): Promise<Placement> {
    const placement = await this.visible(principal, id);
    const cohort = await this.cohorts.cohort(placement.cohortId);
    const manager = !!cohort && this.access.mayManage(principal, cohort);
    if (!manager && (placement.source !== 'self_reported' || (source && source !== 'self_reported'))) {
      throw forbidden('An employer-confirmed placement is corrected by the cohort staff.');
    }
    return placement;
  }

  private async saving(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('placement-exists', 'This placement (trainee, role, employer, start date) is already recorded.');
      throw error;
    }
  }

  private async views(rows: Placement[]): Promise<PlacementView[]> {
    if (rows.length === 0) return [];
    const followUps = await this.txHost.tx.getRepository(PlacementFollowUp).findBy({ placementId: In(rows.map((r) => r.id)) });
    return rows.map((p) => ({
      id: p.id,
      cohortId: p.cohortId,
      traineeId: p.traineeId,
      kind: p.kind,
      role: p.role,
      employer: p.employer,
      startsOn: p.startsOn,
      source: p.source,
      recordedBy: p.recordedBy,
      followUps: followUps
        .filter((f) => f.placementId === p.id)
        .sort((a, b) => a.month - b.month)
        .map((f) => ({ month: f.month, stillInRole: f.stillInRole, checkedOn: f.checkedOn, note: f.note })),
      createdAt: p.createdAt.toISOString(),
    }));
  }
}
