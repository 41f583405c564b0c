import type { CourseVersionOutline } from '../course/published-course-versions.contract';
import { differingFields, incompatibilities, VersionSide } from './version-compatibility';

const quiz = { assessmentId: 'a1', moduleId: 'm1', kind: 'quiz', title: 'Quiz', instructions: 'Answer', maxScore: 100, passMark: 50, attemptsAllowed: 2, key: { questions: [{ id: 'q1', correct: ['b'] }] } };

function side(version: number, changes: { lessons?: string[]; quiz?: Record<string, unknown> | null; modules?: string[]; prerequisites?: string[]; courseId?: string } = {}): VersionSide {
  const outline: CourseVersionOutline = {
    versionId: `v${version}`, courseId: changes.courseId ?? 'c1', courseCode: 'c', courseTitle: 'Course', trackCode: 'cybersecurity', version, publishedAt: new Date(),
    modules: (changes.modules ?? ['m1']).map((moduleId, position) => ({
      moduleId, title: moduleId, position, prerequisiteModuleIds: moduleId === 'm1' ? (changes.prerequisites ?? []) : [], skillCodes: [],
      lessons: (changes.lessons ?? ['l1']).map((lessonId, i) => ({ lessonId, title: lessonId, kind: 'article' as const, position: i })),
      assessments: moduleId === 'm1' && changes.quiz !== null
        ? [{ assessmentId: 'a1', kind: 'quiz' as const, title: String((changes.quiz ?? quiz).title ?? 'Quiz'), required: true, maxScore: 100, passMark: 50, weight: 1, dueOffsetDays: null, skillCodes: [] }]
        : [],
    })),
  };
  return { outline, frozen: new Map(changes.quiz === null ? [] : [['a1', { ...quiz, ...(changes.quiz ?? {}) }]]) };
}

describe('version compatibility', () => {
  it('accepts lesson and text changes: lessons added, removed or edited, an assessment renamed or reworded', () => {
    expect(incompatibilities(side(1), side(2, { lessons: ['l1', 'l2'], quiz: { title: 'Quiz (fixed typo)', instructions: 'Answer all' } }))).toEqual([]);
    expect(incompatibilities(side(1, { lessons: ['l1', 'l2'] }), side(3, { lessons: ['l2'] }))).toEqual([]);
  });

  it.each<[string, VersionSide, string, Record<string, unknown>]>([
    ['another course', side(2, { courseId: 'c2' }), 'different-course', {}],
    ['the same version', side(1), 'not-newer-version', {}],
    ['an answer key fixed', side(2, { quiz: { key: { questions: [{ id: 'q1', correct: ['a'] }] } } }), 'assessment-changed', { assessmentId: 'a1', fields: ['key'] }],
    ['a max score and attempts changed', side(2, { quiz: { maxScore: 10, attemptsAllowed: 3 } }), 'assessment-changed', { fields: ['attemptsAllowed', 'maxScore'] }],
    ['a kind changed', side(2, { quiz: { kind: 'sql' } }), 'assessment-changed', { fields: ['kind'] }],
    ['an assessment removed', side(2, { quiz: null }), 'assessment-removed', { assessmentId: 'a1' }],
    ['a module added', side(2, { modules: ['m1', 'm2'] }), 'module-added', { moduleId: 'm2' }],
    ['prerequisites changed', side(2, { prerequisites: ['m0'] }), 'module-changed', { moduleId: 'm1', fields: ['prerequisiteModuleIds'] }],
  ])('refuses %s, naming the reason', (_what, to, code, extra) => {
    const [first] = incompatibilities(side(1), to);
    expect(first).toMatchObject({ code, ...extra });
    expect(first.detail).toEqual(expect.any(String));
  });

  it('compares frozen content whatever its key order, and a missing copy as different', () => {
    expect(differingFields({ a: 1, b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 }, a: 1 })).toEqual([]);
    expect(differingFields(quiz, undefined)).toEqual(['content']);
  });
});
