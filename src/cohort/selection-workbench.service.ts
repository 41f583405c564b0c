import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AppTransactionHost } from '@gds/database';
import { badRequest, csvCell, decodeCursor, encodeCursor, hasRole, microsecondKey, notFound, Page, Principal } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { Application, APPLICATION_STATUSES } from './application.entity';
import { Applicant, DuplicateMatch, findDuplicates } from './applicant-matching';
import { applicationView } from './application-views';
import { Cohort } from './cohort.entity';
import { CohortAccess } from './cohort-access.service';
import { ApplicationSort, ListApplicationsQuery, TrackCode } from './dto/application.dto';
import { ApplicationReviewView } from './dto/selection.dto';
import { rankWithTies, summarise } from './rubric-scoring';
import { Rubrics } from './rubrics.service';
import { TrackQuotas } from './track-quotas.service';
import { KEYSET_SORTS, meetsColumnFilters, SelectionPages, wholeListFilters } from './selection-pages';

/**
 * A sort position: the sort value (null sorts last), the submission time (UTC text to the microsecond,
 * as Postgres keeps it: it compares as text, and two applications within one millisecond stay apart)
 * and the id break ties.
 */
type Position = [string | number | null, string, string];

/** The submission time of each application, to the microsecond (the entity's Date stops at the millisecond). */
type SubmittedKeys = Map<string, string>;

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const invalidCursor = () => badRequest('invalid-cursor', 'The cursor is not one this API issued.', [{ field: 'cursor', message: 'is invalid' }]);

/** What a set of views is read with: ranks and duplicates are about the whole cohort. */
interface Context {
  trackOf: Map<string, TrackCode>;
  ranks: Map<string, { rank: number | null; tiedWith: number }>;
  duplicates: Map<string, DuplicateMatch[]>;
}

/**
 * What staff select from: a cohort's applications with who applied, the rubric scores (each
 * reviewer's, the aggregate and the spread), the rank with ties and possible duplicates, searched,
 * filtered and sorted. The list pages by keyset in the database (SelectionPages) when it sorts by
 * submission, score or status with column filters. Two things stay about the whole cohort: the
 * rank of a page's scores (counts of higher and equal scores) and the applicants that duplicates
 * are found among (see applicantsOf). A text search, the duplicates filter and the sort by name need every application's
 * person, so those lists read the cohort whole and cut the page after filtering (cursor = the last
 * item's sort position, so a page stays right while applications change between requests).
 */
@Injectable()
export class SelectionWorkbench {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly users: UserDirectory,
    private readonly rubrics: Rubrics,
    private readonly quotas: TrackQuotas,
    private readonly pages: SelectionPages,
  ) {}

  async list(principal: Principal, cohortId: string, query: ListApplicationsQuery): Promise<Page<ApplicationReviewView>> {
    const cohort = await this.requireStaffOrHide(principal, cohortId);
    if (!KEYSET_SORTS.includes(query.sort) || query.q || query.duplicates) return this.listWhole(cohort, query);
    const trackOf = await this.quotas.trackOfVersions(cohort.id);
    const versionIds = query.trackCode ? [...trackOf].filter(([, track]) => track === query.trackCode).map(([version]) => version) : null;
    const { ids, nextCursor } = await this.pages.ids(cohort.id, query, versionIds);
    const found = new Map((ids.length ? await this.txHost.tx.getRepository(Application).findBy({ id: In(ids) }) : []).map((a) => [a.id, a]));
    // Re-checked after loading: a row changed since its id was read may no longer belong on this page
    // (the page is then shorter; its cursor is still the last position read, so nothing is skipped).
    const applications = ids.map((id) => found.get(id)).filter((a): a is Application => a !== undefined && meetsColumnFilters(a, query, versionIds));
    return { items: await this.viewsOf(cohort, applications, await this.contextOf(cohort.id, applications, trackOf)), nextCursor };
  }

  /**
   * The lists that need every application's person: the whole cohort, filtered and sorted in memory.
   * The cursor carries its sort and a hash of its filters (as the keyset cursors do): a position means
   * something only in the list it was cut from, so a cursor reused with another sort or search is a 400.
   */
  private async listWhole(cohort: Cohort, query: ListApplicationsQuery): Promise<Page<ApplicationReviewView>> {
    const after = decodeCursor<{ p: string; s: string; f: string }>(query.cursor, ['p', 's', 'f']);
    if (after && (after.s !== query.sort || after.f !== wholeListFilters(query))) throw invalidCursor();
    const position = after ? parsePosition(after.p) : undefined;
    const keys = await this.submittedKeys(cohort.id);
    const rows = this.sorted(this.filtered(await this.reviewViews(cohort), query), query.sort, keys);
    let start = 0;
    if (position) {
      start = rows.findIndex((r) => comparePositions(positionOf(r, query.sort, keys), position, query.sort) > 0);
      if (start < 0) start = rows.length;
    }
    const items = rows.slice(start, start + query.limit);
    const more = start + query.limit < rows.length;
    const cursorOf = (last: ApplicationReviewView) => encodeCursor({ p: JSON.stringify(positionOf(last, query.sort, keys)), s: query.sort, f: wholeListFilters(query) });
    return { items, nextCursor: more && items.length ? cursorOf(items[items.length - 1]) : null };
  }

  private async submittedKeys(cohortId: string): Promise<SubmittedKeys> {
    const rows: Array<{ id: string; t: string }> = await this.txHost.tx.query(`SELECT id, ${microsecondKey('submitted_at')} AS t FROM application WHERE cohort_id = $1`, [cohortId]);
    return new Map(rows.map((r) => [r.id, r.t]));
  }

  /** Every matching application (no page) as CSV, in the list's order: e.g. the shortlist with ?status=shortlisted. */
  async csv(principal: Principal, cohortId: string, query: ListApplicationsQuery): Promise<string> {
    const cohort = await this.requireStaffOrHide(principal, cohortId);
    const rows = this.sorted(this.filtered(await this.reviewViews(cohort), query), query.sort, await this.submittedKeys(cohort.id));
    const questions = cohort.questions;
    const header = ['rank', 'tiedWith', 'applicationId', 'name', 'email', 'phone', 'track', 'status', 'score', 'spread', 'reviewers', 'waitlistRank', 'submittedAt', 'duplicates', 'statement', ...questions.map((q) => q.prompt)];
    const lines = rows.map((r) => [
      r.rank, r.tiedWith, r.id, r.applicant.displayName, r.applicant.email, r.applicant.phone, r.trackCode, r.status, r.score, r.scoring.spread,
      r.scoring.reviewers.filter((v) => v.total !== null).length, r.waitlistRank, r.submittedAt,
      r.duplicates.map((d) => `${d.displayName ?? d.traineeId} (${d.reasons.join('+')})`).join('; '), r.statement,
      ...questions.map((q) => r.answers.find((a) => a.questionId === q.id)?.answer ?? ''),
    ]);
    return [header, ...lines].map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** One application as staff review it; the applicant themself uses GET /applications/{id}. */
  async detail(principal: Principal, applicationId: string): Promise<ApplicationReviewView> {
    const application = await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId });
    if (!application) throw notFound('Application');
    const cohort = await this.requireStaffOrHide(principal, application.cohortId, 'Application');
    const [view] = await this.viewsOf(cohort, [application], await this.contextOf(cohort.id, [application], await this.quotas.trackOfVersions(cohort.id)));
    return view;
  }

  private async reviewViews(cohort: Cohort): Promise<ApplicationReviewView[]> {
    const applications = await this.txHost.tx.getRepository(Application).find({ where: { cohortId: cohort.id } });
    const applicants = await this.applicantsOf(cohort.id);
    return this.viewsOf(cohort, applications, {
      trackOf: await this.quotas.trackOfVersions(cohort.id),
      ranks: rankWithTies(applications.map((a) => ({ id: a.id, score: a.score === null ? null : Number(a.score) }))),
      duplicates: findDuplicates(applicants),
    });
  }

  /** Ranks of these applications counted in the cohort (index on scores); duplicates found among the cohort's applicants. */
  private async contextOf(cohortId: string, applications: Application[], trackOf: Map<string, TrackCode>): Promise<Context> {
    const scores = [...new Set(applications.map((a) => a.score).filter((s): s is string => s !== null))];
    const counted: Array<{ score: string; above: number; same: number }> = scores.length
      ? await this.txHost.tx.query(
          `SELECT s::text AS score,
                  (SELECT count(*) FROM application WHERE cohort_id = $1 AND score > s)::int AS above,
                  (SELECT count(*) FROM application WHERE cohort_id = $1 AND score = s)::int AS same
             FROM unnest($2::numeric[]) s`,
          [cohortId, scores],
        )
      : [];
    const rankOf = new Map(counted.map((c) => [Number(c.score), c]));
    const ranks = new Map(
      applications.map((a) => {
        const c = a.score === null ? undefined : rankOf.get(Number(a.score));
        return [a.id, c ? { rank: c.above + 1, tiedWith: c.same - 1 } : { rank: null, tiedWith: 0 }];
      }),
    );
    const wanted = new Set(applications.map((a) => a.id));
    const duplicates = new Map([...findDuplicates(await this.applicantsOf(cohortId))].filter(([id]) => wanted.has(id)));
    return { trackOf, ranks, duplicates };
  }

  /**
   * Who applied, for finding duplicates: a duplicate may be any application of the cohort, matched
   * by normalised e-mail, name or phone, so this narrow read (ids and phone digits, then names and
   * e-mails by id) is the one part of a page that is about the whole cohort.
   */
  private async applicantsOf(cohortId: string): Promise<Applicant[]> {
    const rows: Array<{ id: string; trainee_id: string; phone_digits: string | null }> = await this.txHost.tx.query(
      'SELECT id, trainee_id, phone_digits FROM application WHERE cohort_id = $1',
      [cohortId],
    );
    const people = new Map((await this.users.findByIds(rows.map((r) => r.trainee_id))).map((p) => [p.id, p]));
    return rows.map((r) => ({
      applicationId: r.id,
      traineeId: r.trainee_id,
      email: people.get(r.trainee_id)?.email ?? null,
      name: people.get(r.trainee_id)?.displayName ?? null,
      phoneDigits: r.phone_digits,
    }));
  }

  private async viewsOf(cohort: Cohort, applications: Application[], { trackOf, ranks, duplicates }: Context): Promise<ApplicationReviewView[]> {
    const ids = applications.map((a) => a.id);
    const phones: Array<{ id: string; phone: string | null }> = ids.length ? await this.txHost.tx.query('SELECT id, phone FROM application WHERE id = ANY($1::uuid[])', [ids]) : [];
    const phoneOf = new Map(phones.map((p) => [p.id, p]));
    const scores = await this.rubrics.scoresOf(ids);
    const reviewerIds = [...scores.values()].flat().map((s) => s.reviewerId);
    const duplicateIds = [...duplicates.values()].flat().map((d) => d.traineeId);
    const people = new Map((await this.users.findByIds([...new Set([...applications.map((a) => a.traineeId), ...reviewerIds, ...duplicateIds])])).map((p) => [p.id, p]));
    const criteria = await this.rubrics.criteria(cohort.id);
    return applications.map((a) => {
      const person = people.get(a.traineeId);
      const summary = summarise(criteria, scores.get(a.id) ?? []);
      return {
        ...applicationView(a),
        applicant: { displayName: person?.displayName ?? null, email: person?.email ?? null, language: person?.language ?? null, phone: phoneOf.get(a.id)?.phone ?? null },
        trackCode: trackOf.get(a.courseVersionId) ?? null,
        scoring: {
          aggregate: summary.aggregate,
          spread: summary.spread,
          reviewers: summary.reviewers.map((r) => ({ ...r, reviewerName: people.get(r.reviewerId)?.displayName ?? null })),
        },
        rank: ranks.get(a.id)!.rank,
        tiedWith: ranks.get(a.id)!.tiedWith,
        duplicates: (duplicates.get(a.id) ?? []).map((d) => ({ ...d, displayName: people.get(d.traineeId)?.displayName ?? null })),
      };
    });
  }

  private filtered(views: ApplicationReviewView[], query: ListApplicationsQuery): ApplicationReviewView[] {
    const needle = query.q ? fold(query.q.trim()) : null;
    return views.filter(
      (v) =>
        (!query.status || v.status === query.status) &&
        (!query.courseVersionId || v.courseVersionId === query.courseVersionId) &&
        (!query.trackCode || v.trackCode === query.trackCode) &&
        (query.minScore === undefined || (v.score !== null && v.score >= query.minScore)) &&
        (query.scored === undefined || (query.scored === 'true') === (v.score !== null)) &&
        (!query.duplicates || v.duplicates.length > 0) &&
        (!needle || [v.applicant.displayName, v.applicant.email, v.statement, ...v.answers.map((a) => a.answer)].some((text) => text !== null && fold(text).includes(needle))),
    );
  }

  private sorted(views: ApplicationReviewView[], sort: ApplicationSort, keys: SubmittedKeys): ApplicationReviewView[] {
    return [...views].sort((a, b) => comparePositions(positionOf(a, sort, keys), positionOf(b, sort, keys), sort));
  }

  /** Admins and the cohort's instructors; for anyone else the cohort (or application) does not exist. */
  private async requireStaffOrHide(principal: Principal, cohortId: string, what = 'Cohort'): Promise<Cohort> {
    const cohort = await this.txHost.tx.getRepository(Cohort).findOneBy({ id: cohortId });
    if (!cohort) throw notFound(what);
    if (hasRole(principal, 'admin')) return cohort;
    if (hasRole(principal, 'instructor') && (await this.access.isInstructor(principal.userId, cohortId))) return cohort;
    throw notFound(what);
  }
}

/** Lower case without accents: "José" is found by "jose". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function positionOf(v: ApplicationReviewView, sort: ApplicationSort, keys: SubmittedKeys): Position {
  const field = sort.replace(/^-/, '');
  // An application submitted after the keys were read: its millisecond time, padded, sorts it well enough.
  const at = keys.get(v.id) ?? v.submittedAt.replace(/Z$/, '000Z');
  const value =
    field === 'score' ? v.score
    : field === 'name' ? fold(v.applicant.displayName ?? '')
    : field === 'status' ? APPLICATION_STATUSES.indexOf(v.status)
    : at;
  return [value, at, v.id];
}

function parsePosition(text: string): Position {
  try {
    const p = JSON.parse(text);
    if (Array.isArray(p) && p.length === 3 && (p[0] === null || ['string', 'number'].includes(typeof p[0])) && typeof p[1] === 'string' && AT.test(p[1]) && typeof p[2] === 'string') return p as Position;
  } catch {
    // the same 400 as any cursor this API did not issue, below
  }
  throw invalidCursor();
}

/**
 * The sort value in the asked direction (null last either way), then submission time and id
 * ascending — except -submitted, which is submission time then id both descending: the keyset list
 * (SelectionPages) walks one index backwards for it, and the CSV and whole-cohort lists keep the
 * list's order.
 */
function comparePositions(a: Position, b: Position, sort: ApplicationSort): number {
  if (sort === '-submitted') return -comparePositions(a, b, 'submitted');
  const descending = sort.startsWith('-');
  if (a[0] !== b[0]) {
    if (a[0] === null) return 1;
    if (b[0] === null) return -1;
    const order = a[0] < b[0] ? -1 : 1;
    return descending ? -order : order;
  }
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
