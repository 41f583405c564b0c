import { Injectable } from '@nestjs/common';
import { AppTransactionHost } from '@gds/database';
import { badRequest, decodeCursor, hasRole, notFound, Page, Principal, toPage, unprocessable } from '@gds/http';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { CohortTrainees } from '../cohort/cohort-trainees.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Submission } from './submission.entity';
import { asFrozen } from './frozen-assessment';
import { submissionView } from './assessment-views';
import { ReviewQueueItemView, ReviewQueueQuery } from './dto/review-queue.dto';

/**
 * Submissions waiting for an instructor in a cohort (rubric reviews, and those whose grading
 * failed), oldest first, with whose they are and what they answer: names come from the cohort
 * module (CohortTrainees), titles from the course versions the cohort runs.
 */
@Injectable()
export class ReviewQueue {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly trainees: CohortTrainees,
    private readonly versions: PublishedCourseVersions,
  ) {}

  async page(cohortId: string, query: ReviewQueueQuery, principal: Principal): Promise<Page<ReviewQueueItemView>> {
    const allowed = hasRole(principal, 'admin') ? await this.enrollments.cohortExists(cohortId) : await this.enrollments.isCohortInstructor(principal.userId, cohortId);
    if (!allowed) throw notFound('Cohort');
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    if (after && (Number.isNaN(Date.parse(after.at)) || !/^[0-9a-f-]{36}$/i.test(after.id))) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
    const running = await this.trainees.courseVersionsOf(cohortId);
    const catalogue = await this.assessmentsOf(running);
    const wanted = this.filter(running, catalogue, query);
    // A course version without assessments has nothing to review.
    if (wanted && wanted.length === 0) return { items: [], nextCursor: null };
    const qb = this.txHost.tx.getRepository(Submission).createQueryBuilder('s')
      .where(`s.cohortId = :cohortId AND s.status IN ('needs_review', 'error')`, { cohortId })
      .orderBy('s.submittedAt', 'ASC').addOrderBy('s.id', 'ASC')
      .limit(query.limit + 1);
    if (wanted) qb.andWhere('s.assessmentId IN (:...wanted)', { wanted });
    if (after) qb.andWhere('(s.submittedAt, s.id) > (:at, :id)', { at: after.at, id: after.id });
    const page = toPage(await qb.getMany(), query.limit, (s) => ({ at: s.submittedAt.toISOString(), id: s.id }));
    const names = await this.trainees.displayNames(page.items.map((s) => s.traineeId));
    const items: ReviewQueueItemView[] = [];
    for (const s of page.items) {
      const known = catalogue.get(s.assessmentId);
      const title = known?.title ?? asFrozen(await this.versions.getFrozenAssessment(s.versionId, s.assessmentId))?.title ?? '';
      items.push({ ...submissionView(s, null, true), traineeDisplayName: names.get(s.traineeId) ?? null, assessmentTitle: title, courseVersionId: known?.versionId ?? s.versionId });
    }
    return { items, nextCursor: page.nextCursor };
  }

  /** The assessment ids the filters leave, or null for no filter; a filter naming what the cohort does not run is a 422. */
  private filter(running: string[], catalogue: Map<string, { title: string; versionId: string }>, query: ReviewQueueQuery): string[] | null {
    if (query.courseVersionId && !running.includes(query.courseVersionId)) {
      throw unprocessable('course-version-not-in-cohort', 'The cohort does not run this course version.', { courseVersionIds: running });
    }
    let ids = [...catalogue.entries()].filter(([, a]) => !query.courseVersionId || a.versionId === query.courseVersionId).map(([id]) => id);
    if (query.assessmentId) {
      if (!ids.includes(query.assessmentId)) throw unprocessable('assessment-not-in-cohort', 'No course version the cohort runs (among those filtered) has this assessment.');
      ids = [query.assessmentId];
    }
    return query.courseVersionId || query.assessmentId ? ids : null;
  }

  /** Every assessment of the versions the cohort runs now: its title and version. */
  private async assessmentsOf(running: string[]): Promise<Map<string, { title: string; versionId: string }>> {
    const outlines = await this.versions.getOutlines(running);
    return new Map(outlines.flatMap((o) => o.modules.flatMap((m) => m.assessments.map((a) => [a.assessmentId, { title: a.title, versionId: o.versionId }] as const))));
  }
}
