import { computeProgress, isoWeek, moduleLockOf, ScheduleFacts } from './module-states';
import { canTransition } from './cohort-lifecycle';
import type { CourseVersionOutline } from '../course/published-course-versions.contract';

const lesson = (id: string, position = 1) => ({ lessonId: id, title: id, kind: 'article' as const, position });
const assessment = (id: string, required: boolean) => ({ assessmentId: id, kind: 'quiz' as const, title: id, required, maxScore: 10, passMark: 6, weight: 1, dueOffsetDays: 3, skillCodes: [] });
const outline: CourseVersionOutline = {
  versionId: 'v', courseId: 'c', courseCode: 'C', courseTitle: 'C', trackCode: 'cybersecurity', version: 1, publishedAt: new Date(0),
  modules: [
    { moduleId: 'm2', title: 'Two', position: 2, prerequisiteModuleIds: ['m1'], skillCodes: [], lessons: [lesson('l3')], assessments: [] },
    { moduleId: 'm1', title: 'One', position: 1, prerequisiteModuleIds: [], skillCodes: [], lessons: [lesson('l2', 2), lesson('l1', 1)], assessments: [assessment('a1', true), assessment('a2', false)] },
  ],
};
const start = new Date('2026-03-01T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
const schedule = (unlockMode: ScheduleFacts['unlockMode'], offsets: Record<string, number> = {}): ScheduleFacts => ({ unlockMode, startsAt: start, timeZone: 'America/Belize', offsets: new Map(Object.entries(offsets)) });
const facts = (lessons: string[], passed: string[] = []) => ({ doneLessons: new Set(lessons), passedAssessments: new Set(passed) });

describe('module states', () => {
  it('locks everything before the start', () => {
    const p = computeProgress(outline, schedule('schedule'), facts([]), day(-1));
    expect(p.modules.map((m) => m.status)).toEqual(['locked', 'locked']);
    expect(p.next).toBeNull();
  });

  it('opens modules on their schedule offset and orders by position', () => {
    const s = schedule('schedule', { m2: 7 });
    expect(computeProgress(outline, s, facts([]), day(1)).modules.map((m) => [m.moduleId, m.status])).toEqual([['m1', 'open'], ['m2', 'locked']]);
    expect(computeProgress(outline, s, facts([]), day(7)).modules[1].status).toBe('open');
    expect(computeProgress(outline, s, facts([]), day(1)).modules[1].opensAt).toEqual(day(7));
  });

  it('needs every lesson and every required assessment for a module to be done', () => {
    const s = schedule('schedule');
    expect(computeProgress(outline, s, facts(['l1', 'l2']), day(1)).modules[0].status).toBe('open');
    expect(computeProgress(outline, s, facts(['l1', 'l2'], ['a2']), day(1)).modules[0].status).toBe('open');
    const done = computeProgress(outline, s, facts(['l1', 'l2'], ['a1']), day(1));
    expect(done.modules[0].status).toBe('done');
    expect(done.percentComplete).toBe(75);
  });

  it('opens by prerequisites in prerequisite mode', () => {
    const s = schedule('prerequisites', { m2: 0 });
    expect(computeProgress(outline, s, facts(['l1', 'l2']), day(1)).modules[1].status).toBe('locked');
    const p = computeProgress(outline, s, facts(['l1', 'l2'], ['a1']), day(1));
    expect(p.modules[1].status).toBe('open');
    expect(p.next).toEqual({ moduleId: 'm2', lessonId: 'l3', assessmentId: null });
  });

  it('locks a module (moduleLockOf) exactly when the whole progress says it is locked, with the same opening', () => {
    const cases: Array<[ScheduleFacts, ReturnType<typeof facts>]> = [
      [schedule('schedule', { m2: 7 }), facts([])],
      [schedule('schedule', { m2: 7 }), facts(['l1', 'l2'], ['a1'])],
      [schedule('prerequisites', { m2: 7 }), facts(['l1', 'l2'])],
      [schedule('prerequisites'), facts(['l1', 'l2'], ['a1'])],
    ];
    for (const [s, f] of cases) {
      for (const at of [day(-1), day(1), day(7), day(8)]) {
        const whole = computeProgress(outline, s, f, at).modules;
        for (const m of whole) expect(moduleLockOf(outline, s, f, m.moduleId, at)).toEqual(m.status === 'locked' ? { opensAt: m.opensAt } : null);
      }
    }
    expect(moduleLockOf(outline, schedule('schedule'), facts([]), 'not-in-this-version', day(-1))).toBeNull();
  });

  it('points at the next lesson by position, then at a pending required assessment', () => {
    const s = schedule('schedule');
    expect(computeProgress(outline, s, facts([]), day(1)).next).toEqual({ moduleId: 'm1', lessonId: 'l1', assessmentId: null });
    expect(computeProgress(outline, s, facts(['l1', 'l2']), day(1)).next).toEqual({ moduleId: 'm1', lessonId: null, assessmentId: 'a1' });
  });

  it('computes due dates from the module opening', () => {
    const p = computeProgress(outline, schedule('schedule', { m1: 2 }), facts([]), day(3));
    expect(p.modules[0].dueDates[0].dueAt).toEqual(day(5));
  });

  it('names ISO weeks', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2026-11-29T12:00:00Z'))).toBe('2026-W48');
  });
});

describe('cohort lifecycle', () => {
  it('allows only the forward moves', () => {
    expect(canTransition('planned', 'accepting_applications')).toBe(true);
    expect(canTransition('running', 'completed')).toBe(true);
    expect(canTransition('running', 'planned')).toBe(false);
    expect(canTransition('archived', 'planned')).toBe(false);
    expect(canTransition('completed', 'running')).toBe(false);
  });
});
