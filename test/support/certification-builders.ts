import { QueueName, QueueRegistry } from '@gds/queue';
import { HttpClient, waitFor } from '@gds/testing';
import { DraftCourseModules, PublishedCourseVersions, CourseVersionOutline } from '../../src/course/published-course-versions.contract';
import { EnrollmentDirectory, EnrollmentRef } from '../../src/cohort/enrollment-directory.contract';
import { AssessmentResults } from '../../src/assessment/assessment-results.contract';
import { FakePublishedCourseVersions } from './fakes/published-course-versions.fake';
import { FakeDraftCourseModules } from './fakes/draft-course-modules.fake';
import { FakeEnrollmentDirectory } from './fakes/enrollment-directory.fake';
import { FakeAssessmentResults } from './fakes/assessment-results.fake';
import { publishInTransaction, TestApp } from './test-app';

/** The contracts certification depends on, as in-memory fakes shared by a test file's app(s). */
export class CertificationWorld {
  readonly versions = new FakePublishedCourseVersions();
  readonly draftModules = new FakeDraftCourseModules();
  readonly enrollments = new FakeEnrollmentDirectory();
  readonly results = new FakeAssessmentResults();

  overrides() {
    return [
      { provide: PublishedCourseVersions, useValue: this.versions },
      { provide: DraftCourseModules, useValue: this.draftModules },
      { provide: EnrollmentDirectory, useValue: this.enrollments },
      { provide: AssessmentResults, useValue: this.results },
    ];
  }

  /** Sets the trainee's standing: which modules are done, which assessments passed, the course score. */
  setStanding(enrollment: EnrollmentRef, outline: CourseVersionOutline, standing: { modulesDone: number; passAll: boolean; score: number | null }) {
    this.enrollments.completed.set(enrollment.enrollmentId, outline.modules.slice(0, standing.modulesDone).map((m) => m.moduleId));
    const assessments = outline.modules.flatMap((m) => m.assessments);
    this.results.results.set(
      enrollment.enrollmentId,
      assessments.map((a) => ({
        assessmentId: a.assessmentId, enrollmentId: enrollment.enrollmentId, traineeId: enrollment.traineeId, bestScore: standing.passAll ? 90 : 10,
        maxScore: a.maxScore, passed: standing.passAll, attempts: 1, lastGradedAt: new Date(),
      })),
    );
    this.results.scores.set(enrollment.enrollmentId, standing.score);
  }

  /** Enrolls a trainee who meets the default criteria. */
  qualifiedEnrollment(traineeId: string, outline: CourseVersionOutline, cohortId?: string): EnrollmentRef {
    const enrollment = this.enrollments.enroll(traineeId, outline.versionId, cohortId ? { cohortId } : {});
    this.setStanding(enrollment, outline, { modulesDone: outline.modules.length, passAll: true, score: 88 });
    return enrollment;
  }
}

/** Publishes evaluate-certificate through the outbox, as the cohort module does; answers the job id. */
export async function publishEvaluation(t: TestApp, enrollmentId: string): Promise<string> {
  return publishInTransaction(t, 'evaluate-certificate', { enrollmentId });
}

/** Waits until the worker has run a job to completion (relayed, picked up, handled). */
export async function waitForJobCompleted(t: TestApp, queue: QueueName, jobId: string): Promise<void> {
  await waitFor(async () => (await t.get<QueueRegistry>(QueueRegistry).jobStatus(queue, jobId))?.state === 'completed', {
    what: `job ${jobId} completed`,
    timeoutMs: 60_000,
  });
}

/** Waits until the trainee's certificate list holds `count` certificates, and answers them. */
export async function waitForCertificates(api: HttpClient, token: string, count: number): Promise<any[]> {
  return waitFor(
    async () => {
      const answer = await api.get('/api/v1/me/certificates', token);
      return answer.status === 200 && answer.body.items.length === count ? answer.body.items : null;
    },
    { what: `${count} certificate(s)`, timeoutMs: 60_000 },
  );
}
