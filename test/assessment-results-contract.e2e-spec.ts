import { randomUUID } from 'node:crypto';
import { AssessmentResults } from '../src/assessment/assessment-results.contract';
import { describeAssessmentResultsContract } from './contracts/assessment-results.contract-suite';
import { FakeAssessmentResults } from './support/fakes/assessment-results.fake';
import { authorAssessment, instructorWithModule, publishAndEnroll, QUIZ_RIGHT, QUIZ_WRONG, quizBody, startAssessmentApp } from './support/assessment-builders';
import { submitGraded } from './support/journey-builders';
import { TestPerson } from './support/people';

describeAssessmentResultsContract('the fake certification’s tests use', async () => {
  const fake = new FakeAssessmentResults();
  return {
    results: fake,
    enrolled: async () => {
      const [enrollmentId, traineeId, assessmentId] = [randomUUID(), randomUUID(), randomUUID()];
      fake.results.set(enrollmentId, [{ assessmentId, enrollmentId, traineeId, bestScore: null, maxScore: 100, passed: false, attempts: 0, lastGradedAt: null }]);
      fake.scores.set(enrollmentId, 0);
      return { enrollmentId, traineeId, courseVersionId: randomUUID(), assessmentId };
    },
    graded: async (enrollmentId, right) => {
      const [result] = fake.results.get(enrollmentId)!;
      const bestScore = Math.max(result.bestScore ?? 0, right ? 100 : 0);
      fake.results.set(enrollmentId, [{ ...result, bestScore, passed: bestScore >= 50, attempts: result.attempts + 1, lastGradedAt: new Date() }]);
      fake.scores.set(enrollmentId, bestScore);
    },
    close: async () => undefined,
  };
});

describeAssessmentResultsContract('the assessment module on Postgres (grading in its worker)', async () => {
  // The course and cohort modules are the assessment tests' fakes: this suite is about the assessment module.
  const { t, fakes, admin } = await startAssessmentApp({ env: { LOG_LEVEL: 'error' } });
  const trainees = new Map<string, { trainee: TestPerson; assessmentId: string }>();
  return {
    results: t.get<AssessmentResults>(AssessmentResults),
    enrolled: async () => {
      const { instructor, module } = await instructorWithModule(t, fakes, admin);
      const assessmentId = await authorAssessment(t.api, instructor, module.moduleId, quizBody({ attemptsAllowed: 3 }));
      const { trainee, enrollment } = await publishAndEnroll(t, fakes, admin, module);
      trainees.set(enrollment.enrollmentId, { trainee, assessmentId });
      return { enrollmentId: enrollment.enrollmentId, traineeId: trainee.id, courseVersionId: enrollment.courseVersionId, assessmentId };
    },
    graded: async (enrollmentId, right) => {
      const { trainee, assessmentId } = trainees.get(enrollmentId)!;
      await submitGraded(t.api, trainee, assessmentId, right ? QUIZ_RIGHT : QUIZ_WRONG);
    },
    close: () => t.close(),
  };
});
