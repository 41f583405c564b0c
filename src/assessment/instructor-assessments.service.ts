import { Injectable } from '@nestjs/common';
import { badRequest, decodeCursor, hasRole, notFound, PageQuery, Principal, toPage } from '@gds/http';
import { AppTransactionHost } from '@gds/database';
import { EnrollmentDirectory } from '../cohort/enrollment-directory.contract';
import { PublishedCourseVersions } from '../course/published-course-versions.contract';
import { Assessment } from './assessment.entity';
import { Submission } from './submission.entity';
import { asFrozen, FrozenAssessment } from './frozen-assessment';

export interface InstructedAssessment {
  frozen: FrozenAssessment;
  versionId: string;
  /** The caller's cohorts whose versions contain the assessment. */
  cohortIds: string[];
}

/**
 * What cohort instructors (who need not edit the course) may see of an assessment: its frozen
 * copy in the versions their cohorts run, and their cohorts' submissions. The cohort module says
 * who instructs what (EnrollmentDirectory); nothing here reads its tables.
 */
@Injectable()
export class InstructorAssessments {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly enrollments: EnrollmentDirectory,
    private readonly versions: PublishedCourseVersions,
  ) {}

  /** The assessment as frozen in a version one of the caller's cohorts runs, or null. */
  async instructed(assessmentId: string, principal: Principal): Promise<InstructedAssessment | null> {
    if (!hasRole(principal, 'instructor')) return null;
    const pairs = await this.enrollments.courseVersionsInstructedBy(principal.userId);
    const found: InstructedAssessment[] = [];
    for (const versionId of [...new Set(pairs.map((p) => p.courseVersionId))]) {
      const frozen = asFrozen(await this.versions.getFrozenAssessment(versionId, assessmentId));
      if (frozen) found.push({ frozen, versionId, cohortIds: pairs.filter((p) => p.courseVersionId === versionId).map((p) => p.cohortId) });
    }
    if (found.length === 0) return null;
    // The copy shown is that of the first version; the cohorts are all of the caller's that run the assessment.
    return { ...found[0], cohortIds: found.flatMap((f) => f.cohortIds) };
  }

  /** Submissions of an assessment in the caller's cohorts (admins: every cohort), oldest first. */
  async submissions(assessmentId: string, query: PageQuery & { cohortId?: string }, principal: Principal) {
    const admin = hasRole(principal, 'admin');
    if (admin && !(await this.txHost.tx.getRepository(Assessment).existsBy({ id: assessmentId }))) throw notFound('Assessment');
    const cohortIds = admin ? null : ((await this.instructed(assessmentId, principal))?.cohortIds ?? []);
    if (cohortIds && cohortIds.length === 0) throw notFound('Assessment');
    if (cohortIds && query.cohortId && !cohortIds.includes(query.cohortId)) throw notFound('Cohort');
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    if (after && (Number.isNaN(Date.parse(after.at)) || !/^[0-9a-f-]{36}$/i.test(after.id))) throw badRequest('invalid-cursor', 'The cursor is not one this API issued.');
    const qb = this.txHost.tx.getRepository(Submission).createQueryBuilder('s')
      .where('s.assessmentId = :assessmentId', { assessmentId })
      .orderBy('s.submittedAt', 'ASC').addOrderBy('s.id', 'ASC')
      .limit(query.limit + 1);
    if (query.cohortId) qb.andWhere('s.cohortId = :cohortId', { cohortId: query.cohortId });
    else if (cohortIds) qb.andWhere('s.cohortId IN (:...cohortIds)', { cohortIds });
    if (after) qb.andWhere('(s.submittedAt, s.id) > (:at, :id)', { at: after.at, id: after.id });
    return toPage(await qb.getMany(), query.limit, (s) => ({ at: s.submittedAt.toISOString(), id: s.id }));
  }
}
