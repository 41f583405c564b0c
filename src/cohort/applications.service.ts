import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { conflict, decodeMicrosecondCursor, hasRole, microsecondKey, notFound, Page, PageQuery, Principal, toPage, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { Application } from './application.entity';
import { ApplicationAudit } from './application-audit.service';
import { applicationView, decisionView } from './application-views';
import { Cohort } from './cohort.entity';
import { CohortAccess } from './cohort-access.service';
import { EnrollmentWriter } from './enrollment-writer.service';
import { Waitlist } from './waitlist.service';
import { Rubrics } from './rubrics.service';
import { normalisePhone } from './applicant-matching';
import { PrerequisiteChecks } from './prerequisite-checks.service';
import { ApplicationView, ApplyDto, DecisionRecordView, ScoreDto } from './dto/application.dto';

const WITHDRAWABLE = ['submitted', 'shortlisted', 'waitlisted'];

/** Applications: a trainee applies in the window, may withdraw; staff read them and give a single score (cohorts without a rubric). */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly audit: ApplicationAudit,
    private readonly writer: EnrollmentWriter,
    private readonly waitlist: Waitlist,
    private readonly outbox: Outbox,
    private readonly rubrics: Rubrics,
    private readonly prerequisites: PrerequisiteChecks,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(Application);
  }

  @Transactional()
  async apply(traineeId: string, cohortId: string, input: ApplyDto): Promise<ApplicationView> {
    const cohort = await this.access.cohort(cohortId);
    const now = Date.now();
    if (cohort.status !== 'accepting_applications' || now < cohort.applicationsOpenAt.getTime() || now >= cohort.applicationsCloseAt.getTime()) {
      throw unprocessable('applications-closed', 'This cohort is not taking applications now.');
    }
    const courseVersionId = await this.chooseVersion(cohortId, input.courseVersionId);
    await this.prerequisites.require(traineeId, courseVersionId, false);
    const answers = checkAnswers(cohort, input.answers ?? []);
    let id: string;
    try {
      const [row] = await this.txHost.tx.query(
        `INSERT INTO application (cohort_id, trainee_id, course_version_id, statement, answers, phone, phone_digits) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [cohortId, traineeId, courseVersionId, input.statement, JSON.stringify(answers), input.phone?.trim() ?? null, input.phone ? normalisePhone(input.phone) : null],
      );
      id = row.id;
    } catch (error) {
      if (isUniqueViolation(error, 'application_one_per_trainee')) throw conflict('already-applied', 'You have already applied to this cohort.');
      throw error;
    }
    await this.audit.record({ applicationId: id, actorId: traineeId, action: 'submit', fromStatus: null, toStatus: 'submitted' });
    // The applicant's receipt, in the same transaction: an application that was stored is always acknowledged.
    const eventKey = `application-received:${id}`;
    await this.outbox.publish('notify', {
      type: 'application-received', eventKey, recipientIds: [traineeId],
      data: { applicationId: id, cohortId, cohortName: cohort.name, courseVersionId },
    });
    return applicationView((await this.repo.findOneBy({ id }))!);
  }

  @Transactional()
  async withdraw(traineeId: string, id: string): Promise<ApplicationView> {
    const seen = await this.repo.findOneBy({ id });
    if (!seen || seen.traineeId !== traineeId) throw notFound('Application');
    // Cohort first, then the application (the module's one lock order): a waitlist is renumbered under the cohort lock.
    await this.writer.lockCohort(seen.cohortId);
    const application = (await this.repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne())!;
    if (!WITHDRAWABLE.includes(application.status)) {
      throw unprocessable('not-withdrawable', `This application is ${application.status} and can no longer be withdrawn${application.status === 'accepted' ? '; withdraw the enrollment instead' : ''}.`);
    }
    await this.repo.update(id, { status: 'withdrawn', waitlistRank: null, updatedAt: new Date() });
    if (application.status === 'waitlisted') await this.waitlist.renumber(application.cohortId);
    await this.audit.record({ applicationId: id, actorId: traineeId, action: 'withdraw', fromStatus: application.status, toStatus: 'withdrawn' });
    return applicationView((await this.repo.findOneBy({ id }))!);
  }

  /** The applicant, admins and the cohort's instructors; anyone else 404. */
  async get(principal: Principal, id: string): Promise<ApplicationView> {
    const application = await this.repo.findOneBy({ id });
    if (!application) throw notFound('Application');
    if (application.traineeId !== principal.userId) await this.requireStaffOrHide(principal, application.cohortId);
    return applicationView(application);
  }

  /** A page of the trainee's own applications, newest first by (submitted_at, id), through application_trainee_keyset_idx. */
  async mine(traineeId: string, query: PageQuery): Promise<Page<ApplicationView>> {
    const after = decodeMicrosecondCursor(query.cursor);
    const qb = this.repo.createQueryBuilder('a').addSelect(microsecondKey('a.submitted_at'), 'cursor_at').where('a.trainee_id = :traineeId', { traineeId });
    if (after) qb.andWhere('(a.submitted_at, a.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', after);
    const { entities, raw } = await qb.orderBy('a.submitted_at', 'DESC').addOrderBy('a.id', 'DESC').limit(query.limit + 1).getRawAndEntities<{ cursor_at: string }>();
    // No join: the raw rows are the entities' rows, in the same order.
    const page = toPage(entities.map((entity, i) => ({ entity, at: raw[i].cursor_at })), query.limit, (r) => ({ at: r.at, id: r.entity.id }));
    return { items: page.items.map((r) => applicationView(r.entity)), nextCursor: page.nextCursor };
  }

  @Transactional()
  async score(principal: Principal, id: string, input: ScoreDto): Promise<ApplicationView> {
    const application = await this.repo.findOneBy({ id });
    if (!application) throw notFound('Application');
    await this.access.requireStaff(principal, application.cohortId);
    // Under the cohort lock, as setting a rubric is: else a rubric set meanwhile would meet a single score on another scale.
    await this.writer.lockCohort(application.cohortId);
    if (await this.rubrics.hasRubric(application.cohortId)) {
      throw conflict('rubric-in-use', 'This cohort scores by its rubric: give your scores per criterion (PUT /applications/{id}/scores).');
    }
    await this.txHost.tx.query('UPDATE application SET score = $2, updated_at = now() WHERE id = $1', [id, input.score]);
    await this.audit.record({ applicationId: id, actorId: principal.userId, action: 'score', fromStatus: application.status, toStatus: application.status, reason: input.note, score: input.score });
    return applicationView((await this.repo.findOneBy({ id }))!);
  }

  async trail(principal: Principal, id: string, query: PageQuery): Promise<Page<DecisionRecordView>> {
    const application = await this.repo.findOneBy({ id });
    if (!application) throw notFound('Application');
    await this.requireStaffOrHide(principal, application.cohortId);
    const page = await this.audit.trailPage(id, query);
    return { items: page.items.map(decisionView), nextCursor: page.nextCursor };
  }

  /** Applications hold personal statements: reviewers do not read them, so for them too they are not found. */
  private async requireStaffOrHide(principal: Principal, cohortId: string): Promise<void> {
    if (hasRole(principal, 'admin')) return;
    if (hasRole(principal, 'instructor') && (await this.access.isInstructor(principal.userId, cohortId))) return;
    throw notFound('Application');
  }

  private async chooseVersion(cohortId: string, wanted: string | undefined): Promise<string> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const ids = rows.map((r) => r.id);
    if (wanted === undefined) {
      if (ids.length === 1) return ids[0];
      throw unprocessable('course-version-required', 'This cohort runs several tracks: say which one you apply for (courseVersionId).', { courseVersionIds: ids });
    }
    if (!ids.includes(wanted)) throw unprocessable('unknown-course-version', 'This cohort does not run that course version.', { courseVersionIds: ids });
    return wanted;
  }
}

function checkAnswers(cohort: Cohort, answers: Array<{ questionId: string; answer: string }>) {
  const questions = new Map(cohort.questions.map((q) => [q.id, q]));
  const given = new Set<string>();
  for (const a of answers) {
    if (!questions.has(a.questionId)) throw unprocessable('unknown-question', `This cohort asks no question "${a.questionId}".`);
    if (given.has(a.questionId)) throw unprocessable('duplicate-answer', `Question "${a.questionId}" is answered twice.`);
    given.add(a.questionId);
  }
  const missing = cohort.questions.filter((q) => q.required && !given.has(q.id)).map((q) => q.id);
  if (missing.length > 0) throw unprocessable('missing-answers', 'Every required question must be answered.', { questionIds: missing });
  return answers.map((a) => ({ questionId: a.questionId, answer: a.answer.trim() }));
}
