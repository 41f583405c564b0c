import { describe, expect, it } from 'vitest';
import { dueSoon } from './due-soon';
import type { Enrollment } from '../../shared/api/resources/enrollments';

const now = Date.parse('2026-12-01T00:00:00Z');
const day = 24 * 3600 * 1000;
const at = (days: number) => new Date(now + days * day).toISOString();

function enrollment(status: Enrollment['status'], assessments: { id: string; dueAt: string | null; passed?: boolean }[]): Enrollment {
  return {
    id: 'e', cohortId: 'c', traineeId: 't', courseVersionId: 'v', source: 'application', withdrawnAt: null, withdrawalReason: null, status, enrolledAt: at(-30), completedAt: null, lastActivityAt: null, percentComplete: 0, lessonsDone: 0, modulesDone: 0,
    cohort: { id: 'c', name: 'C', status: 'running', startsAt: at(-30), endsAt: at(90) },
    course: { versionId: 'v', courseId: 'k', title: 'Course', code: 'k', version: 1 },
    modules: [{ moduleId: 'm', title: 'M', position: 1, status: 'open', opensAt: at(-30), lessonsDone: 0, lessonsTotal: 1, completedLessonIds: [],
      assessments: assessments.map((a) => ({ assessmentId: a.id, title: a.id, dueAt: a.dueAt, passed: a.passed ?? false })) }],
    next: null,
  };
}

describe('dueSoon', () => {
  it('lists unpassed work due within two weeks or overdue, soonest first', () => {
    const items = dueSoon([enrollment('active', [{ id: 'later', dueAt: at(10) }, { id: 'late', dueAt: at(-1) }, { id: 'far', dueAt: at(30) }, { id: 'none', dueAt: null }])], now);
    expect(items.map((i) => [i.assessmentId, i.overdue])).toEqual([['late', true], ['later', false]]);
  });

  it('flags work due in the next 48 hours, not later work and not overdue work', () => {
    const hour = 3600 * 1000;
    const atHours = (hours: number) => new Date(now + hours * hour).toISOString();
    const items = dueSoon([enrollment('active', [{ id: 'late', dueAt: atHours(-1) }, { id: 'soon', dueAt: atHours(47) }, { id: 'edge', dueAt: atHours(48) }, { id: 'after', dueAt: atHours(49) }])], now);
    expect(items.map((i) => [i.assessmentId, i.within48Hours])).toEqual([['late', false], ['soon', true], ['edge', true], ['after', false]]);
  });

  it('leaves out passed work and finished or withdrawn enrollments', () => {
    expect(dueSoon([enrollment('active', [{ id: 'done', dueAt: at(2), passed: true }]), enrollment('withdrawn', [{ id: 'x', dueAt: at(2) }])], now)).toEqual([]);
  });
});
