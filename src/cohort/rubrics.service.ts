import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { conflict, hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { Application } from './application.entity';
import { ApplicationAudit } from './application-audit.service';
import { CohortAccess } from './cohort-access.service';
import { RubricDto, RubricView, ScoresDto } from './dto/selection.dto';
import { EnrollmentWriter } from './enrollment-writer.service';
import { Criterion, CriterionScore, summarise } from './rubric-scoring';

/**
 * A cohort's scoring rubric and the reviewers' scores. Admins set the rubric; once any score of it
 * exists it is locked (409 rubric-in-use) rather than versioned: totals scored against other
 * weights would not compare. Each reviewer (an admin or an instructor of the cohort) holds one
 * score per criterion per application; scoring again replaces it. Every write recomputes the
 * application's `score`, the aggregate the list sorts and filters by.
 */
@Injectable()
export class Rubrics {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly writer: EnrollmentWriter,
    private readonly audit: ApplicationAudit,
  ) {}

  /** With `lock`, the criteria stay as read until the transaction ends (a rubric change waits, then sees the scores). */
  async criteria(cohortId: string, lock = false): Promise<Array<Criterion & { label: string }>> {
    const rows: Array<{ id: string; label: string; weight: string; max_score: number }> = await this.txHost.tx.query(
      `SELECT id, label, weight, max_score FROM rubric_criterion WHERE cohort_id = $1 ORDER BY position${lock ? ' FOR SHARE' : ''}`,
      [cohortId],
    );
    return rows.map((r) => ({ id: r.id, label: r.label, weight: Number(r.weight), maxScore: r.max_score }));
  }

  /** Every score given to these applications. */
  async scoresOf(applicationIds: string[]): Promise<Map<string, CriterionScore[]>> {
    const rows: Array<{ application_id: string; reviewer_id: string; criterion_id: string; score: string }> = applicationIds.length
      ? await this.txHost.tx.query('SELECT application_id, reviewer_id, criterion_id, score FROM application_score WHERE application_id = ANY($1::uuid[]) ORDER BY scored_at, reviewer_id', [applicationIds])
      : [];
    const byApplication = new Map<string, CriterionScore[]>();
    for (const r of rows) {
      byApplication.set(r.application_id, [...(byApplication.get(r.application_id) ?? []), { reviewerId: r.reviewer_id, criterionId: r.criterion_id, score: Number(r.score) }]);
    }
    return byApplication;
  }

  async view(principal: Principal, cohortId: string): Promise<RubricView> {
    await this.requireStaffOrHide(principal, cohortId);
    return this.toView(cohortId);
  }

  @Transactional()
  async replace(cohortId: string, input: RubricDto): Promise<RubricView> {
    await this.writer.lockCohort(cohortId);
    const ids = input.criteria.map((c) => c.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw unprocessable('duplicate-criterion', `The criterion "${twice}" is listed twice.`);
    // Delete first: it waits for a reviewer scoring right now (who holds the criteria), so the check below sees their scores.
    await this.txHost.tx.query('DELETE FROM rubric_criterion WHERE cohort_id = $1', [cohortId]);
    if (await this.hasScores(cohortId)) throw conflict('rubric-in-use', 'Reviewers have scored with this rubric: it can no longer change (totals under other weights would not compare).');
    const [single] = await this.txHost.tx.query('SELECT count(*)::int AS n FROM application WHERE cohort_id = $1 AND score IS NOT NULL', [cohortId]);
    if (single.n > 0) throw conflict('single-scores-exist', `${single.n} applications already have a single score: a rubric would mix two scales.`);
    for (const [position, c] of input.criteria.entries()) {
      await this.txHost.tx.query('INSERT INTO rubric_criterion (cohort_id, id, label, weight, max_score, position) VALUES ($1, $2, $3, $4, $5, $6)', [
        cohortId, c.id, c.label.trim(), c.weight, c.maxScore, position,
      ]);
    }
    return this.toView(cohortId);
  }

  /** The caller's scores of some criteria of one application; the same request twice changes nothing more. */
  @Transactional()
  async score(principal: Principal, applicationId: string, input: ScoresDto): Promise<void> {
    const application = await this.txHost.tx.getRepository(Application).findOneBy({ id: applicationId });
    if (!application) throw notFound('Application');
    await this.access.requireStaff(principal, application.cohortId);
    const criteria = await this.criteria(application.cohortId, true);
    if (criteria.length === 0) throw unprocessable('no-rubric', 'This cohort has no scoring rubric: an admin sets one first (PUT /cohorts/{id}/rubric), or use the single score.');
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const seen = new Set<string>();
    for (const s of input.scores) {
      const criterion = byId.get(s.criterionId);
      if (!criterion) throw unprocessable('unknown-criterion', `The rubric has no criterion "${s.criterionId}".`, { criterionIds: criteria.map((c) => c.id) });
      if (seen.has(s.criterionId)) throw unprocessable('duplicate-criterion', `The criterion "${s.criterionId}" is scored twice.`);
      seen.add(s.criterionId);
      if (s.score < 0 || s.score > criterion.maxScore) {
        throw unprocessable('score-out-of-range', `A score of "${s.criterionId}" runs from 0 to ${criterion.maxScore}; ${s.score} is outside.`, { criterionId: s.criterionId, min: 0, max: criterion.maxScore });
      }
    }
    // Scores of one application are written one at a time: the aggregate below reads them all.
    await this.txHost.tx.query('SELECT 1 FROM application WHERE id = $1 FOR NO KEY UPDATE', [applicationId]);
    let changed = 0;
    for (const s of input.scores) {
      const rows: unknown[] = await this.txHost.tx.query(
        `INSERT INTO application_score (application_id, reviewer_id, criterion_id, score) VALUES ($1, $2, $3, $4)
         ON CONFLICT (application_id, reviewer_id, criterion_id) DO UPDATE SET score = EXCLUDED.score, scored_at = now()
         WHERE application_score.score IS DISTINCT FROM EXCLUDED.score RETURNING 1`,
        [applicationId, principal.userId, s.criterionId, s.score],
      );
      changed += rows.length;
    }
    // The same scores again change nothing, not even the audit trail.
    if (changed === 0) return;
    const summary = summarise(criteria, (await this.scoresOf([applicationId])).get(applicationId) ?? []);
    await this.txHost.tx.query('UPDATE application SET score = $2, updated_at = now() WHERE id = $1', [applicationId, summary.aggregate]);
    const mine = summary.reviewers.find((r) => r.reviewerId === principal.userId);
    await this.audit.record({
      applicationId, actorId: principal.userId, action: 'score', fromStatus: application.status, toStatus: application.status,
      reason: input.note ?? `Rubric scores: ${input.scores.map((s) => `${s.criterionId} ${s.score}`).join(', ')}`, score: mine?.total ?? null,
    });
  }

  async hasRubric(cohortId: string): Promise<boolean> {
    return (await this.txHost.tx.query('SELECT 1 FROM rubric_criterion WHERE cohort_id = $1 LIMIT 1', [cohortId])).length > 0;
  }

  private async hasScores(cohortId: string): Promise<boolean> {
    const rows = await this.txHost.tx.query('SELECT 1 FROM application_score s JOIN application a ON a.id = s.application_id WHERE a.cohort_id = $1 LIMIT 1', [cohortId]);
    return rows.length > 0;
  }

  private async toView(cohortId: string): Promise<RubricView> {
    const criteria = await this.criteria(cohortId);
    return { cohortId, criteria: criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight, maxScore: c.maxScore })), locked: await this.hasScores(cohortId) };
  }

  private async requireStaffOrHide(principal: Principal, cohortId: string): Promise<void> {
    await this.access.cohort(cohortId);
    if (hasRole(principal, 'admin')) return;
    if (hasRole(principal, 'instructor') && (await this.access.isInstructor(principal.userId, cohortId))) return;
    throw notFound('Cohort');
  }
}
