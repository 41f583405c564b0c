import { randomUUID } from 'node:crypto';
import { AssessmentResults } from '../../src/assessment/assessment-results.contract';

/**
 * A provider of AssessmentResults with the means to make results: the assessment module grades
 * real submissions; the fake is set as the tests that use it set it (test/support/certification-builders.ts).
 */
export interface AssessmentResultsStand {
  results: AssessmentResults;
  /** A fresh enrollment in a course version whose one assessment is a required quiz (max 100, pass mark 50), nothing submitted. */
  enrolled(): Promise<{ enrollmentId: string; traineeId: string; courseVersionId: string; assessmentId: string }>;
  /** A graded submission: every answer right (full marks) or every answer wrong (0). */
  graded(enrollmentId: string, right: boolean): Promise<void>;
  close(): Promise<void>;
}

/** What every AssessmentResults does (test/assessment-results-contract.e2e-spec.ts runs it against the fake and the assessment module). */
export function describeAssessmentResultsContract(name: string, makeStand: () => Promise<AssessmentResultsStand>): void {
  describe(`AssessmentResults contract: ${name}`, () => {
    let stand: AssessmentResultsStand;
    beforeAll(async () => {
      stand = await makeStand();
    });
    afterAll(() => stand?.close());

    it('answers every assessment of the enrollment’s version, untried ones with no score, no attempts and a course score of 0', async () => {
      const { enrollmentId, traineeId, courseVersionId, assessmentId } = await stand.enrolled();
      expect(await stand.results.resultsOfEnrollment(enrollmentId)).toEqual([
        { assessmentId, enrollmentId, traineeId, bestScore: null, maxScore: 100, passed: false, attempts: 0, lastGradedAt: null },
      ]);
      expect(await stand.results.courseScore(enrollmentId)).toBe(0);
      expect(await stand.results.standingOfEnrolled({ enrollmentId, traineeId, courseVersionId })).toEqual({ results: await stand.results.resultsOfEnrollment(enrollmentId), courseScore: 0 });
    });

    it('keeps the best graded score, counts the attempts and passes at the pass mark; the course score is 0..100', async () => {
      const { enrollmentId, traineeId, courseVersionId, assessmentId } = await stand.enrolled();
      await stand.graded(enrollmentId, false);
      const failed = await stand.results.resultsOfEnrollment(enrollmentId);
      expect(failed).toEqual([expect.objectContaining({ assessmentId, bestScore: 0, passed: false, attempts: 1, lastGradedAt: expect.any(Date) })]);
      await stand.graded(enrollmentId, true);
      expect(await stand.results.resultsOfEnrollment(enrollmentId)).toEqual([expect.objectContaining({ assessmentId, bestScore: 100, passed: true, attempts: 2 })]);
      expect(await stand.results.courseScore(enrollmentId)).toBe(100);
      // Both answers for an enrollment the caller has read, as resultsOfEnrolled and courseScore give them.
      const enrolled = { enrollmentId, traineeId, courseVersionId };
      expect(await stand.results.standingOfEnrolled(enrolled)).toEqual({ results: await stand.results.resultsOfEnrolled([enrolled]), courseScore: 100 });
    });

    it('answers the results of several enrollments at once, and nothing for enrollments that name none', async () => {
      const [a, b] = [await stand.enrolled(), await stand.enrolled()];
      const both = await stand.results.resultsOfEnrollments([a.enrollmentId, randomUUID(), b.enrollmentId]);
      expect(both.map((r) => r.enrollmentId).sort()).toEqual([a.enrollmentId, b.enrollmentId].sort());
      expect(await stand.results.resultsOfEnrollments([])).toEqual([]);
      // Enrollments the caller has read (its version as the caller read it): the same answers, without a lookup.
      expect(await stand.results.resultsOfEnrolled([a, b].map((e) => ({ enrollmentId: e.enrollmentId, traineeId: e.traineeId, courseVersionId: e.courseVersionId }))))
        .toEqual([...(await stand.results.resultsOfEnrollments([a.enrollmentId])), ...(await stand.results.resultsOfEnrollments([b.enrollmentId]))]);
      expect(await stand.results.resultsOfEnrolled([])).toEqual([]);
    });

    it('answers the best scores of enrollments already read as their results give them, one entry per enrollment in the order asked', async () => {
      const [a, b] = [await stand.enrolled(), await stand.enrolled()];
      await stand.graded(a.enrollmentId, true);
      const enrolled = [b, a, b].map((e) => ({ enrollmentId: e.enrollmentId, traineeId: e.traineeId, courseVersionId: e.courseVersionId }));
      expect(await stand.results.bestScoresOfEnrolled(enrolled)).toEqual([
        { enrollmentId: b.enrollmentId, bestScores: [null] },
        { enrollmentId: a.enrollmentId, bestScores: [100] },
      ]);
      expect(await stand.results.bestScoresOfEnrolled(enrolled)).toEqual(await AssessmentResults.prototype.bestScoresOfEnrolled.call(stand.results, enrolled));
      expect(await stand.results.bestScoresOfEnrolled([])).toEqual([]);
      expect(await stand.results.resultsOfEnrollment(randomUUID())).toEqual([]);
      expect(await stand.results.courseScore(randomUUID())).toBeNull();
    });
  });
}
