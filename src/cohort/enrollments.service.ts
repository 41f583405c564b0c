import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { hasRole, notFound, Principal, unprocessable } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { CohortAccess } from './cohort-access.service';
import { DirectEnrollDto, EnrollmentView } from './dto/enrollment.dto';
import { Enrollment } from './enrollment.entity';
import { TrackQuotas } from './track-quotas.service';
import { EnrollmentWriter } from './enrollment-writer.service';
import { Waitlist } from './waitlist.service';
import { PrerequisiteChecks } from './prerequisite-checks.service';
import { PrerequisiteWaivers } from './prerequisite-waivers.service';

/** The enrollment's own columns an EnrollmentView shows. */
export type ViewedEnrollment = Pick<
  Enrollment,
  'id' | 'cohortId' | 'traineeId' | 'courseVersionId' | 'status' | 'source' | 'enrolledAt' | 'withdrawnAt' | 'withdrawalReason' | 'completedAt' | 'lastActivityAt' | 'percentComplete'
>;

export const enrollmentView = (e: ViewedEnrollment): EnrollmentView => ({
  id: e.id,
  cohortId: e.cohortId,
  traineeId: e.traineeId,
  courseVersionId: e.courseVersionId,
  status: e.status,
  source: e.source,
  enrolledAt: e.enrolledAt.toISOString(),
  withdrawnAt: e.withdrawnAt?.toISOString() ?? null,
  withdrawalReason: e.withdrawalReason,
  completedAt: e.completedAt?.toISOString() ?? null,
  lastActivityAt: e.lastActivityAt?.toISOString() ?? null,
  percentComplete: Number(e.percentComplete),
});

/** Direct enrollment by an admin, and withdrawal (which hands the seat to the waitlist). */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly access: CohortAccess,
    private readonly writer: EnrollmentWriter,
    private readonly waitlist: Waitlist,
    private readonly users: UserDirectory,
    private readonly quotas: TrackQuotas,
    private readonly prerequisites: PrerequisiteChecks,
    private readonly waivers: PrerequisiteWaivers,
  ) {}

  @Transactional()
  async enrollDirectly(cohortId: string, input: DirectEnrollDto, actorId: string): Promise<EnrollmentView> {
    const cohort = await this.writer.lockCohort(cohortId);
    const person = await this.users.findById(input.traineeId);
    if (!person || !person.active || !person.roles.includes('trainee')) throw unprocessable('not-a-trainee', 'Only an active trainee can be enrolled.');
    const courseVersionId = await this.versionFor(cohortId, input.courseVersionId);
    // An admin's direct enrollment takes a seat of the track's quota like an accept (409 track-quota-full).
    await this.quotas.requireRoom(cohort, courseVersionId);
    if (!input.overridePrerequisites) await this.prerequisites.require(input.traineeId, courseVersionId, true);
    // What the waiver skips, read before the enrolment: a waiver of nothing missing is no waiver and leaves no record.
    const waived = input.overridePrerequisites ? (await this.prerequisites.missing(input.traineeId, courseVersionId)).missing : [];
    const enrollment = await this.writer.enroll(cohort, { cohortId, traineeId: input.traineeId, courseVersionId, source: 'admin' });
    if (waived.length > 0) await this.waivers.record({ cohortId, enrollmentId: enrollment.id, traineeId: input.traineeId, courseVersionId, actorId, courses: waived, reason: input.overrideReason ?? null });
    return enrollmentView(enrollment);
  }

  /** The trainee themself or an admin. The freed seat goes to the top of the waitlist at once. */
  @Transactional()
  async withdraw(principal: Principal, enrollmentId: string, reason?: string): Promise<EnrollmentView & { promotedEnrollmentId: string | null }> {
    const found = await this.repo.findOneBy({ id: enrollmentId });
    if (!found || (found.traineeId !== principal.userId && !hasRole(principal, 'admin'))) throw notFound('Enrollment');
    const cohort = await this.writer.lockCohort(found.cohortId);
    await this.writer.withdraw(cohort, enrollmentId, reason ?? null);
    const promotedEnrollmentId = await this.waitlist.promoteNext(cohort, principal.userId, found.courseVersionId);
    return { ...enrollmentView((await this.repo.findOneBy({ id: enrollmentId }))!), promotedEnrollmentId };
  }

  async get(principal: Principal, id: string): Promise<EnrollmentView> {
    const enrollment = await this.repo.findOneBy({ id });
    if (!enrollment) throw notFound('Enrollment');
    if (enrollment.traineeId !== principal.userId) {
      // Reviewers see aggregates only, never one trainee's enrollment.
      const staff = hasRole(principal, 'admin') || (hasRole(principal, 'instructor') && (await this.access.isInstructor(principal.userId, enrollment.cohortId)));
      if (!staff) throw notFound('Enrollment');
    }
    return enrollmentView(enrollment);
  }

  async versionFor(cohortId: string, wanted: string | undefined): Promise<string> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT course_version_id AS id FROM cohort_course_version WHERE cohort_id = $1', [cohortId]);
    const ids = rows.map((r) => r.id);
    if (wanted === undefined && ids.length === 1) return ids[0];
    if (wanted !== undefined && ids.includes(wanted)) return wanted;
    throw unprocessable('unknown-course-version', 'Name one of the cohort’s course versions (courseVersionId).', { courseVersionIds: ids });
  }

  private get repo() {
    return this.txHost.tx.getRepository(Enrollment);
  }
}
