import { AssessmentFactsAdapter } from './assessment-facts.adapter';
import type { AssessmentResults } from '../../assessment/assessment-results.contract';
import type { EnrollmentDirectory } from '../../cohort/enrollment-directory.contract';
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
});
