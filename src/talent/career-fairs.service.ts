import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, namedStatement, NamedStatement, Transactional } from '@gds/database';
import { decodeCursor, hasRole, notFound, Page, Principal, toPage, unprocessable } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { CareerFair, type CheckedInAs } from './career-fair.entity';
import type { CareerFairView, CreateCareerFairDto, FairRegistrationView } from './dto/career-fair.dto';

/** Check-in opens this long before the fair starts (people arrive early) and closes when it ends. */
const CHECK_IN_OPENS_BEFORE_MS = 2 * 60 * 60 * 1000;

/** Whether a fair takes check-ins at this moment. */
export const checkInOpen = (fair: Pick<CareerFair, 'startsAt' | 'endsAt'>, now: Date): boolean =>
  now.getTime() >= fair.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS && now.getTime() <= fair.endsAt.getTime();

/** Whose fairs a caller sees, as a SQL condition on `f`; the parameters it names follow the statement's first. */
type Visibility = 'all' | 'employer' | 'trainee' | 'employer-and-trainee' | 'none';
type Clause = (used: number) => string;
const EMPLOYER_TAKES_PART = (n: number) => `EXISTS (SELECT 1 FROM career_fair_employer e WHERE e.fair_id = f.id AND e.organisation_id = $${n})`;
/** A trainee's invitation from a list of their cohorts' ids (parameter n): the list read first, a round trip of its own. */
const COHORT_LISTED = (n: number) => `EXISTS (SELECT 1 FROM career_fair_cohort c WHERE c.fair_id = f.id AND c.cohort_id = ANY($${n}::uuid[]))`;
const visibilityClauses = (cohortInvited: Clause): Record<Visibility, Clause> => ({
  all: () => 'true',
  employer: (used) => `(${EMPLOYER_TAKES_PART(used + 1)})`,
  trainee: (used) => `(${cohortInvited(used + 1)})`,
  'employer-and-trainee': (used) => `(${EMPLOYER_TAKES_PART(used + 1)} OR ${cohortInvited(used + 2)})`,
  none: () => 'false',
});
const VISIBILITY_PARAMS: Record<Visibility, number> = { all: 0, employer: 1, trainee: 1, 'employer-and-trainee': 2, none: 0 };

/**
 * A trainee's invitation from the trainee's id (parameter n), the cohort module's SQL for "enrolled
 * in this cohort, not withdrawn" (`EnrollmentDirectory.enrolledInCohortSql`) tested on each invited
 * cohort: the trainee's page of fairs is then one statement after the access check (issue 23 item
 * 3: under the load each round trip costs a turn of the event loop), where the trainee's
 * enrollments were read first. Null from a directory that has no SQL form (an in-memory one in tests).
 */
function cohortEnrolledClause(enrolledInCohortSql: (trainee: string, cohort: string) => string | null): Clause | null {
  if (enrolledInCohortSql('$1::uuid', 'c.cohort_id') === null) return null;
  return (n) => {
    const fragment = enrolledInCohortSql(`$${n}::uuid`, 'c.cohort_id')!;
    // Another module's SQL may refer only to the parameter it was handed (a `$1` of its own would bind the limit).
    const stray = (fragment.match(/\$\d+/g) ?? []).filter((placeholder) => placeholder !== `$${n}`);
    if (stray.length > 0) throw new Error(`EnrollmentDirectory.enrolledInCohortSql answered SQL with parameters it was not given (${stray.join(', ')})`);
    return `EXISTS (SELECT 1 FROM career_fair_cohort c WHERE c.fair_id = f.id AND ${fragment})`;
  };
}

/**
 * A page of fairs with their employers and invited cohorts in one named statement per visibility
 * and cursor (the load run's trainees list them): it was the page's ids, the fairs as entities,
 * then their employers and their cohorts, four statements planned per call. Keyset order
 * (starts_at, id), as the cursor says.
 */
const listText = (clauses: Record<Visibility, Clause>, visibility: Visibility, afterCursor: boolean): string => {
  const used = 1 + VISIBILITY_PARAMS[visibility];
  return `SELECT f.id, f.name, f.starts_at, f.ends_at, f.place, f.online_url,
            ARRAY(SELECT e.organisation_id FROM career_fair_employer e WHERE e.fair_id = f.id ORDER BY e.organisation_id) AS organisation_ids,
            ARRAY(SELECT c.cohort_id FROM career_fair_cohort c WHERE c.fair_id = f.id ORDER BY c.cohort_id) AS cohort_ids
       FROM career_fair f
      WHERE ${clauses[visibility](1)}${afterCursor ? ` AND (f.starts_at, f.id) > ($${used + 1}::timestamptz, $${used + 2}::uuid)` : ''}
      ORDER BY f.starts_at, f.id LIMIT $1`;
};
const listStatements = (clauses: Record<Visibility, Clause>, visibility: 'employer' | 'trainee', suffix: string) => ({
  first: namedStatement(`talent:fairs-${visibility}${suffix}`, listText(clauses, visibility, false)),
  after: namedStatement(`talent:fairs-${visibility}${suffix}-after`, listText(clauses, visibility, true)),
});
type ListedFair = { id: string; name: string; starts_at: Date; ends_at: Date; place: string | null; online_url: string | null; organisation_ids: string[]; cohort_ids: string[] };

const rule = (slug: string, detail: string, field?: string) => unprocessable(slug, detail, field ? { errors: [{ field, message: detail }] } : {});

/**
 * Career fairs: admins create them; participating employers and trainees of invited cohorts see
 * them (nobody else: 404); trainees invited who are listed or shortlisted register and check in.
 */
@Injectable()
export class CareerFairs {
  /** Whether a trainee's visibility takes the trainee's id (the cohort module's SQL) rather than their cohorts' ids read first. */
  private readonly byTraineeId: boolean;
  private readonly clauses: Record<Visibility, Clause>;
  private readonly listFor: Record<'employer' | 'trainee', { first: NamedStatement; after: NamedStatement }>;

  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reads: DirectReads,
    private readonly organisations: OrganisationDirectory,
    private readonly enrollments: EnrollmentDirectory,
    private readonly users: UserDirectory,
  ) {
    const enrolled = cohortEnrolledClause((trainee, cohort) => enrollments.enrolledInCohortSql(trainee, cohort));
    this.byTraineeId = enrolled !== null;
    this.clauses = visibilityClauses(enrolled ?? COHORT_LISTED);
    // Fixed texts once the directory is bound, so declared once per process as any named statement;
    // the list form keeps its own names (a text of one name never changes).
    this.listFor = {
      employer: listStatements(this.clauses, 'employer', ''),
      trainee: listStatements(this.clauses, 'trainee', enrolled ? '-enrolled' : ''),
    };
  }


  @Transactional()
  async create(adminId: string, input: CreateCareerFairDto): Promise<CareerFairView> {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt) throw rule('fair-ends-before-start', 'endsAt must be after startsAt.', 'endsAt');
    if (!input.place && !input.onlineUrl) throw rule('fair-needs-place', 'Give a place, an online link, or both.', 'place');
    const known = await this.organisations.findByIds(input.organisationIds);
    const unknown = input.organisationIds.filter((id) => !known.some((o) => o.id === id && !o.retired));
    if (unknown.length > 0) throw rule('unknown-organisation', `These are not listed organisations: ${unknown.join(', ')}.`, 'organisationIds');
    for (const cohortId of input.cohortIds) {
      if (!(await this.enrollments.cohortExists(cohortId))) throw rule('unknown-cohort', `No cohort ${cohortId}.`, 'cohortIds');
    }
    const repo = this.txHost.tx.getRepository(CareerFair);
    const fair = repo.create({ name: input.name.trim(), startsAt, endsAt, place: input.place?.trim() ?? null, onlineUrl: input.onlineUrl ?? null, createdBy: adminId });
    await repo.insert(fair);
    await this.txHost.tx.query('INSERT INTO career_fair_employer (fair_id, organisation_id) SELECT $1, unnest($2::uuid[])', [fair.id, input.organisationIds]);
    await this.txHost.tx.query('INSERT INTO career_fair_cohort (fair_id, cohort_id) SELECT $1, unnest($2::uuid[])', [fair.id, input.cohortIds]);
    return (await this.views([fair]))[0];
  }

  async list(principal: Principal, query: { limit: number; cursor?: string }): Promise<Page<CareerFairView>> {
    const after = decodeCursor<{ startsAt: string; id: string }>(query.cursor, ['startsAt', 'id']);
    const { visibility, params } = await this.visibility(principal);
    const named = visibility === 'employer' || visibility === 'trainee' ? this.listFor[visibility] : null;
    // Admins' and both roles' lists are rare: the same text, unnamed (the cap on names is for the hot ones).
    const statement = named ? (after ? named.after : named.first) : listText(this.clauses, visibility, after !== undefined);
    const rows = visibility === 'none' ? [] : await this.reads.query<ListedFair>(statement, [query.limit + 1, ...params, ...(after ? [after.startsAt, after.id] : [])]);
    const views = rows.map((f): CareerFairView => ({
      id: f.id,
      name: f.name,
      startsAt: f.starts_at.toISOString(),
      endsAt: f.ends_at.toISOString(),
      place: f.place,
      onlineUrl: f.online_url,
      organisationIds: f.organisation_ids,
      cohortIds: f.cohort_ids,
    }));
    return toPage(views, query.limit, (v) => ({ startsAt: v.startsAt, id: v.id }));
  }

  async get(principal: Principal, fairId: string): Promise<CareerFairView> {
    return (await this.views([await this.visible(principal, fairId)]))[0];
  }

  /** The fair if the caller may see it: admins all, employers those they take part in, trainees those inviting a cohort of theirs. */
  async visible(principal: Principal, fairId: string): Promise<CareerFair> {
    const { visibility, params } = await this.visibility(principal);
    const rows: Array<{ id: string }> = await this.txHost.tx.query(`SELECT f.id FROM career_fair f WHERE f.id = $1 AND ${this.clauses[visibility](1)}`, [fairId, ...params]);
    const fair = rows[0] ? await this.txHost.tx.getRepository(CareerFair).findOneBy({ id: fairId }) : null;
    if (!fair) throw notFound('Career fair');
    return fair;
  }

  /**
   * A trainee of an invited cohort registers when listed or shortlisted (those are who employers
   * come to meet). Registering again is a no-op.
   */
  @Transactional()
  async register(principal: Principal, fairId: string): Promise<{ view: FairRegistrationView; created: boolean }> {
    const fair = await this.visible(principal, fairId);
    if (fair.endsAt <= new Date()) throw rule('fair-over', 'The fair is over.');
    const [eligible]: Array<{ listed: boolean; shortlisted: boolean }> = await this.txHost.tx.query(
      `SELECT EXISTS (SELECT 1 FROM talent_profile WHERE trainee_id = $1 AND listed) AS listed,
              EXISTS (SELECT 1 FROM shortlist_entry s JOIN talent_profile p ON p.trainee_id = s.trainee_id AND p.listed WHERE s.trainee_id = $1) AS shortlisted`,
      [principal.userId],
    );
    if (!eligible.listed && !eligible.shortlisted) throw rule('fair-not-eligible', 'Fairs are for listed or shortlisted trainees: list your talent profile first (PUT /api/v1/me/talent-profile).');
    const inserted: unknown[] = await this.txHost.tx.query(
      'INSERT INTO career_fair_registration (fair_id, trainee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING fair_id',
      [fairId, principal.userId],
    );
    return { view: await this.registration(fairId, principal.userId), created: inserted.length > 0 };
  }

  /** Check-in on the day, by the registered trainee (twice is a no-op). */
  @Transactional()
  async checkIn(principal: Principal, fairId: string): Promise<FairRegistrationView> {
    const fair = await this.visible(principal, fairId);
    return this.recordCheckIn(fair, principal.userId, principal.userId, 'self');
  }

  /**
   * Records a registered trainee's arrival, by themself or by someone who meets them there, within
   * the window (two hours before the start until the end). A second check-in changes nothing: the
   * first one, and who made it, stays.
   */
  async recordCheckIn(fair: CareerFair, traineeId: string, byUserId: string, as: CheckedInAs): Promise<FairRegistrationView> {
    await this.registration(fair.id, traineeId);
    if (!checkInOpen(fair, new Date())) {
      throw rule('check-in-closed', `Check-in opens two hours before the fair (${fair.startsAt.toISOString()}) and closes when it ends.`);
    }
    await this.txHost.tx.query(
      'UPDATE career_fair_registration SET checked_in_at = now(), checked_in_by = $3, checked_in_as = $4 WHERE fair_id = $1 AND trainee_id = $2 AND checked_in_at IS NULL',
      [fair.id, traineeId, byUserId, as],
    );
    return this.registration(fair.id, traineeId);
  }

  async registration(fairId: string, traineeId: string): Promise<FairRegistrationView> {
    const rows: Array<{ registered_at: Date; checked_in_at: Date | null; checked_in_as: CheckedInAs | null }> = await this.txHost.tx.query(
      'SELECT registered_at, checked_in_at, checked_in_as FROM career_fair_registration WHERE fair_id = $1 AND trainee_id = $2',
      [fairId, traineeId],
    );
    if (!rows[0]) throw rule('fair-not-registered', 'Register for the fair first.');
    return { fairId, traineeId, registeredAt: rows[0].registered_at.toISOString(), checkedInAt: rows[0].checked_in_at?.toISOString() ?? null, checkedInAs: rows[0].checked_in_as };
  }

  /** Which fairs the caller may see (`clauses`) and the parameters its condition names: a trainee's id, or with a directory without SQL their cohorts' ids. */
  private async visibility(principal: Principal): Promise<{ visibility: Visibility; params: unknown[] }> {
    if (hasRole(principal, 'admin')) return { visibility: 'all', params: [] };
    let organisationId: string | null = null;
    if (hasRole(principal, 'employer')) organisationId = await this.users.employerOrganisationOf(principal.userId);
    if (!hasRole(principal, 'trainee')) return organisationId ? { visibility: 'employer', params: [organisationId] } : { visibility: 'none', params: [] };
    const invitedBy = this.byTraineeId ? principal.userId : (await this.enrollments.enrollmentsOf(principal.userId)).filter((e) => e.status !== 'withdrawn').map((e) => e.cohortId);
    return organisationId ? { visibility: 'employer-and-trainee', params: [organisationId, invitedBy] } : { visibility: 'trainee', params: [invitedBy] };
  }

  private async views(fairs: CareerFair[]): Promise<CareerFairView[]> {
    if (fairs.length === 0) return [];
    const ids = fairs.map((f) => f.id);
    const employers: Array<{ fair_id: string; organisation_id: string }> = await this.txHost.tx.query('SELECT fair_id, organisation_id FROM career_fair_employer WHERE fair_id = ANY($1::uuid[]) ORDER BY organisation_id', [ids]);
    const cohorts: Array<{ fair_id: string; cohort_id: string }> = await this.txHost.tx.query('SELECT fair_id, cohort_id FROM career_fair_cohort WHERE fair_id = ANY($1::uuid[]) ORDER BY cohort_id', [ids]);
    return fairs.map((f) => ({
      id: f.id,
      name: f.name,
      startsAt: f.startsAt.toISOString(),
      endsAt: f.endsAt.toISOString(),
      place: f.place,
      onlineUrl: f.onlineUrl,
      organisationIds: employers.filter((e) => e.fair_id === f.id).map((e) => e.organisation_id),
      cohortIds: cohorts.filter((c) => c.fair_id === f.id).map((c) => c.cohort_id),
    }));
  }
}
