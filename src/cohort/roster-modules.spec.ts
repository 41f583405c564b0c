import { rosterModules } from './roster-modules';
import type { CourseVersionOutline } from '../course/published-course-versions.contract';

const outline = {
  modules: [
    { moduleId: 'm2', title: 'Second', position: 2, lessons: [{ lessonId: 'l3' }] },
    { moduleId: 'm1', title: 'First', position: 1, lessons: [{ lessonId: 'l1' }, { lessonId: 'l2' }] },
  ],
} as unknown as CourseVersionOutline;

describe('rosterModules', () => {
  it('lists modules in course order, unknown states as locked with nothing done', () => {
    expect(rosterModules(outline, { states: { m1: 'open' }, lessonsDone: { m1: 1 } })).toEqual([
      { moduleId: 'm1', title: 'First', position: 1, status: 'open', lessonsDone: 1, lessonsTotal: 2 },
      { moduleId: 'm2', title: 'Second', position: 2, status: 'locked', lessonsDone: 0, lessonsTotal: 1 },
    ]);
  });

  it('answers no modules when the version is unknown', () => {
    expect(rosterModules(undefined, { states: {}, lessonsDone: {} })).toEqual([]);
  });
});
