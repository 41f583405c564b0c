import { describe, expect, it } from 'vitest';
import { lockReason } from './module-lock';
import type { EnrollmentModule } from '../../shared/api/resources/enrollments';
import type { OutlineModule } from './learning.types';

const outline: OutlineModule[] = [
  { moduleId: 'm1', title: 'Basics', summary: '', skillCodes: [], position: 1, prerequisiteModuleIds: [], lessons: [], assessments: [] },
  { moduleId: 'm2', title: 'Networks', summary: '', skillCodes: [], position: 2, prerequisiteModuleIds: ['m1'], lessons: [], assessments: [] },
];
const state = (moduleId: string, status: EnrollmentModule['status'], opensAt = '2026-01-01T00:00:00Z'): EnrollmentModule => ({
  moduleId, title: moduleId, position: 1, status, opensAt, lessonsDone: 0, lessonsTotal: 1, completedLessonIds: [], assessments: [],
});
const now = Date.parse('2026-12-01T00:00:00Z');

describe('lockReason', () => {
  it('is null for open and done modules', () => {
    expect(lockReason(state('m1', 'open'), outline, [], now)).toBeNull();
    expect(lockReason(state('m1', 'done'), outline, [], now)).toBeNull();
  });

  it('gives the unlock date when the module opens later', () => {
    expect(lockReason(state('m2', 'locked', '2026-12-08T00:00:00Z'), outline, [], now)).toEqual({ kind: 'opens-later', opensAt: '2026-12-08T00:00:00Z' });
  });

  it('names the unfinished prerequisite modules once the date has passed', () => {
    const progress = [state('m1', 'open'), state('m2', 'locked', '2026-11-01T00:00:00Z')];
    expect(lockReason(progress[1], outline, progress, now)).toEqual({ kind: 'prerequisites', waitingFor: ['Basics'] });
  });

  it('says "not yet" when neither explains it (the server knows more, e.g. a manual unlock)', () => {
    const progress = [state('m1', 'done'), state('m2', 'locked')];
    expect(lockReason(progress[1], outline, progress, now)).toEqual({ kind: 'not-yet' });
  });
});
