import type { CourseVersionOutline, AssessmentOutline } from '../course/published-course-versions.contract';
import type { AssessmentResult } from '../assessment/assessment-results.contract';
import { evaluateCriteria, skillsOf, CriteriaSettings } from './certification-criteria';

const assessment = (id: string, required: boolean, skillCodes: string[] = []): AssessmentOutline => ({
  assessmentId: id, kind: 'quiz', title: `A ${id}`, required, maxScore: 10, passMark: 5, weight: 1, dueOffsetDays: null, skillCodes,
});

const outline: CourseVersionOutline = {
  versionId: 'v1', courseId: 'c1', courseCode: 'SEC-101', courseTitle: 'Security basics', trackCode: 'cybersecurity', version: 1,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  modules: [
    { moduleId: 'm1', title: 'One', position: 1, prerequisiteModuleIds: [], skillCodes: ['SEC.1'], lessons: [], assessments: [assessment('a1', true, ['SEC.2'])] },
    { moduleId: 'm2', title: 'Two', position: 2, prerequisiteModuleIds: ['m1'], skillCodes: ['SEC.1'], lessons: [], assessments: [assessment('a2', false)] },
  ],
};

const result = (assessmentId: string, passed: boolean): AssessmentResult => ({
  assessmentId, enrollmentId: 'e1', traineeId: 't1', bestScore: passed ? 9 : 2, maxScore: 10, passed, attempts: 1, lastGradedAt: new Date(),
});

const defaults: CriteriaSettings = { requireAllModules: true, requireRequiredAssessments: true, minCourseScore: 70 };

describe('evaluateCriteria', () => {
  it('is met when every module is complete, required assessments passed and the score reaches the threshold', () => {
    const verdict = evaluateCriteria(outline, defaults, { completedModuleIds: ['m1', 'm2'], results: [result('a1', true)], courseScore: 70 });
    expect(verdict).toEqual({ met: true, shortfalls: [] });
  });

  it('names the modules not complete', () => {
    const verdict = evaluateCriteria(outline, defaults, { completedModuleIds: ['m1'], results: [result('a1', true)], courseScore: 90 });
    expect(verdict.met).toBe(false);
    expect(verdict.shortfalls).toEqual(['modules not complete: Two']);
  });

  it('requires required assessments passed, not optional ones', () => {
    const failed = evaluateCriteria(outline, defaults, { completedModuleIds: ['m1', 'm2'], results: [result('a1', false), result('a2', true)], courseScore: 90 });
    expect(failed.shortfalls).toEqual(['required assessments not passed: A a1']);
    const optionalFailed = evaluateCriteria(outline, defaults, { completedModuleIds: ['m1', 'm2'], results: [result('a1', true), result('a2', false)], courseScore: 90 });
    expect(optionalFailed.met).toBe(true);
  });

  it('refuses a score just below the threshold and treats a missing score as 0 when there are assessments', () => {
    expect(evaluateCriteria(outline, defaults, { completedModuleIds: ['m1', 'm2'], results: [result('a1', true)], courseScore: 69.99 }).met).toBe(false);
    expect(evaluateCriteria(outline, defaults, { completedModuleIds: ['m1', 'm2'], results: [result('a1', true)], courseScore: null }).shortfalls).toEqual([
      'course score 0 is below 70',
    ]);
  });

  it('honours criteria that switch rules off', () => {
    const lenient = { requireAllModules: false, requireRequiredAssessments: false, minCourseScore: 0 };
    expect(evaluateCriteria(outline, lenient, { completedModuleIds: [], results: [], courseScore: null }).met).toBe(true);
  });

  it('certifies a version without assessments on completion only when the threshold is 0', () => {
    const noAssessments = { ...outline, modules: outline.modules.map((m) => ({ ...m, assessments: [] })) };
    const standing = { completedModuleIds: ['m1', 'm2'], results: [], courseScore: null };
    expect(evaluateCriteria(noAssessments, { ...defaults, minCourseScore: 0 }, standing).met).toBe(true);
    expect(evaluateCriteria(noAssessments, defaults, standing).met).toBe(false);
  });
});

describe('skillsOf', () => {
  it('collects distinct skill codes of modules and assessments', () => {
    expect(skillsOf(outline)).toEqual(['SEC.1', 'SEC.2']);
  });
});
