import { randomUUID } from 'node:crypto';
import { AssessmentFactsSource } from '../../src/reporting/ports/assessment-facts.source';
import { ReportingWorld } from './reporting-world';

export interface AssessmentFactsStand {
  source: AssessmentFactsSource;
  world(): Promise<ReportingWorld>;
  close(): Promise<void>;
}

/**
 * What reporting relies on of AssessmentFactsSource (test/reporting-facts-contract.e2e-spec.ts runs it
 * against FakeAssessmentFacts and against the assessment and course modules behind AssessmentFactsAdapter).
 */
export function describeAssessmentFactsContract(name: string, makeStand: () => Promise<AssessmentFactsStand>): void {
  describe(`AssessmentFactsSource contract: ${name}`, () => {
    let stand: AssessmentFactsStand;
    let world: ReportingWorld;
    beforeAll(async () => {
      stand = await makeStand();
      world = await stand.world();
    });
    afterAll(() => stand?.close());

    it('answers the best graded result of each tried assessment of the given enrollments; untried ones and unknown enrollments have none', async () => {
      const results = await stand.source.results([world.certified.enrollmentId, world.failed.enrollmentId, randomUUID()]);
      const key = (r: { enrollmentId: string; assessmentId: string }) => `${r.enrollmentId}:${r.assessmentId}`;
      expect([...results].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [
          { enrollmentId: world.certified.enrollmentId, assessmentId: world.quiz.assessmentId, passed: true, bestScore: 100, maxScore: 100 },
          { enrollmentId: world.certified.enrollmentId, assessmentId: world.sql.assessmentId, passed: true, bestScore: 100, maxScore: 100 },
          { enrollmentId: world.failed.enrollmentId, assessmentId: world.quiz.assessmentId, passed: false, bestScore: 0, maxScore: 100 },
        ].sort((a, b) => key(a).localeCompare(key(b))),
      );
      expect(await stand.source.results([])).toEqual([]);
      expect(await stand.source.results([randomUUID()])).toEqual([]);
    });

    it('answers the assessments of the given versions in course order, each with its skills sorted; nothing for unknown versions', async () => {
      expect(await stand.source.assessments([world.versionId, randomUUID()])).toEqual([
        { assessmentId: world.quiz.assessmentId, versionId: world.versionId, title: world.quiz.title, skillCodes: [...world.quiz.skillCodes].sort() },
        { assessmentId: world.sql.assessmentId, versionId: world.versionId, title: world.sql.title, skillCodes: [...world.sql.skillCodes].sort() },
      ]);
      expect(await stand.source.assessments([])).toEqual([]);
    });

    it('answers a course score 0..100 for each known enrollment, untried assessments counting 0, and none for unknown ones', async () => {
      const scores = await stand.source.courseScores([world.certified.enrollmentId, world.failed.enrollmentId, randomUUID()]);
      expect(scores).toEqual(new Map([[world.certified.enrollmentId, 100], [world.failed.enrollmentId, 0]]));
      expect(await stand.source.courseScores([])).toEqual(new Map());
    });

    it('answers results and course scores of enrollments already read together exactly as it answers each alone by id', async () => {
      const enrolled = [world.certified, world.failed].map((e) => ({ ...e, courseVersionId: world.versionId }));
      const ids = enrolled.map((e) => e.enrollmentId);
      const both = await stand.source.resultsAndScores(enrolled);
      expect(both.results).toEqual(await stand.source.results(ids));
      expect([...both.scores]).toEqual([...(await stand.source.courseScores(ids))]);
      expect(await stand.source.resultsAndScores([])).toEqual({ results: [], scores: new Map() });
    });
  });
}
