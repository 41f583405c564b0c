import { AssessmentFactsAdapter } from './assessment-facts.adapter';
import { AssessmentResults, type AssessmentResult } from '../../assessment/assessment-results.contract';
import type { EnrollmentDirectory, EnrollmentRef } from '../../cohort/enrollment-directory.contract';
import type { CourseVersionOutline, PublishedCourseVersions } from '../../course/published-course-versions.contract';

const assessment = (assessmentId: string, skillCodes: string[]) => ({
  assessmentId, kind: 'quiz', title: assessmentId, required: true, maxScore: 10, passMark: 5, weight: 1, dueOffsetDays: null, skillCodes,
});

describe('reporting: assessment facts', () => {
  it('counts the skills of an assessment’s module as assessed by it, as certificates list them', async () => {
    const outline = {
      versionId: 'v1',
      modules: [
        { moduleId: 'm1', title: 'M1', position: 1, prerequisiteModuleIds: [], skillCodes: ['DATA-SQL-01'], lessons: [], assessments: [assessment('a1', []), assessment('a2', ['DATA-VIZ-02', 'DATA-SQL-01'])] },
        { moduleId: 'm2', title: 'M2', position: 2, prerequisiteModuleIds: [], skillCodes: [], lessons: [], assessments: [assessment('a3', ['DATA-STAT-03'])] },
      ],
    } as unknown as CourseVersionOutline;
    const versions = { getOutlines: async () => [outline] } as unknown as PublishedCourseVersions;
    const adapter = new AssessmentFactsAdapter({} as AssessmentResults, versions, {} as EnrollmentDirectory);
    expect((await adapter.assessments(['v1'])).map((a) => [a.assessmentId, a.skillCodes])).toEqual([
      ['a1', ['DATA-SQL-01']],
      ['a2', ['DATA-SQL-01', 'DATA-VIZ-02']],
      ['a3', ['DATA-STAT-03']],
    ]);
  });

  it('scores each enrollment by its own version when an assessment is weighted differently in two versions', async () => {
    const outline = (versionId: string, maxScore: number, weight: number) => ({
      versionId,
      modules: [{ moduleId: 'm1', title: 'M1', position: 1, prerequisiteModuleIds: [], skillCodes: [], lessons: [], assessments: [
        { ...assessment('quiz', []), maxScore, weight },
        { ...assessment('lab', []), weight: 1 },
      ] }],
    }) as unknown as CourseVersionOutline;
    const outlines = [outline('v1', 10, 1), outline('v2', 20, 3)];
    const versions = { getOutlines: async (ids: string[]) => outlines.filter((o) => ids.includes(o.versionId)) } as unknown as PublishedCourseVersions;
    const result = (enrollmentId: string, assessmentId: string, bestScore: number, maxScore: number) =>
      ({ enrollmentId, assessmentId, traineeId: `t-${enrollmentId}`, bestScore, maxScore, passed: true, attempts: 1, lastGradedAt: new Date('2026-12-01T00:00:00Z') }) as AssessmentResult;
    const results = [result('e1', 'quiz', 10, 10), result('e1', 'lab', 10, 10), result('e2', 'quiz', 10, 20), result('e2', 'lab', 0, 10)];
    const ofIds = async (ids: string[]) => results.filter((r) => ids.includes(r.enrollmentId));
    const assessmentResults = {
      resultsOfEnrollments: ofIds,
      resultsOfEnrolled: async (es: Array<{ enrollmentId: string }>) => ofIds(es.map((e) => e.enrollmentId)),
      bestScoresOfEnrolled: AssessmentResults.prototype.bestScoresOfEnrolled,
    } as unknown as AssessmentResults;
    const refs = [{ enrollmentId: 'e1', courseVersionId: 'v1' }, { enrollmentId: 'e2', courseVersionId: 'v2' }] as EnrollmentRef[];
    const enrollments = { getEnrollments: async (ids: string[]) => refs.filter((r) => ids.includes(r.enrollmentId)) } as unknown as EnrollmentDirectory;
    const adapter = new AssessmentFactsAdapter(assessmentResults, versions, enrollments);
    const { scores } = await adapter.resultsAndScores([{ enrollmentId: 'e1', traineeId: 't-e1', courseVersionId: 'v1' }, { enrollmentId: 'e2', traineeId: 't-e2', courseVersionId: 'v2' }]);
    // e1 full marks on v1 (10 of 10); e2 half of the quiz on v2 (10 of 20, weight 3) and nothing of the lab.
    expect(Object.fromEntries(scores)).toEqual({ e1: 100, e2: 37.5 });
    expect(scores).toEqual(await adapter.courseScores(['e1', 'e2']));
  });
});
