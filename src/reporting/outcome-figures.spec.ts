import { figuresOf, FiguresMemo } from './outcome-figures';
import type { OutcomeInputs } from './outcome-inputs';
import type { EnrollmentFact } from './ports/cohort-facts.source';

const asOf = new Date('2026-03-01T12:00:00.000Z');

function enrollment(i: number, courseVersionId: string, status: EnrollmentFact['status']): EnrollmentFact {
  return {
    enrollmentId: `e${i}`, traineeId: `t${i}`, courseVersionId, status, enrolledAt: new Date('2026-01-01T00:00:00.000Z'),
    completedAt: status === 'completed' ? new Date(`2026-02-${String(1 + i).padStart(2, '0')}T00:00:00.000Z`) : null,
    percent: 50, lastActivityAt: null, atRisk: false,
  };
}

function inputsOf(enrollments: EnrollmentFact[]): OutcomeInputs {
  return {
    cohort: { cohortId: 'c', name: 'C', instructorIds: [], courseVersions: [], startsAt: null, endsAt: null, timeZone: 'UTC' },
    applications: [], enrollments, activity: [{ traineeId: 't1', at: new Date(asOf.getTime() - 1000) }],
    results: enrollments.map((e, i) => ({ enrollmentId: e.enrollmentId, assessmentId: 'a1', passed: i % 2 === 0, bestScore: 10 * i, maxScore: 100 })),
    assessments: [{ assessmentId: 'a1', versionId: 'v1', title: 'A1', skillCodes: ['S1'] }],
    scores: new Map(enrollments.map((e, i) => [e.enrollmentId, 40 + i])),
    certificates: [], people: new Map(), placements: [], asOf, minCellSize: 2,
  };
}

describe('figuresOf with a memo', () => {
  const enrollments = [0, 1, 2, 3, 4].map((i) => enrollment(i, 'v1', i < 2 ? 'completed' : 'active'));
  const inputs = inputsOf(enrollments);

  it('gives a scope with the same enrollments the same figures, as a copy of its own', () => {
    const memo: FiguresMemo = [];
    const cohort = figuresOf(enrollments, inputs, memo);
    const course = figuresOf(enrollments.filter((e) => e.courseVersionId === 'v1'), inputs, memo);
    expect(course).toEqual(figuresOf(enrollments, inputs));
    expect(course).toEqual(cohort);
    expect(course).not.toBe(cohort);
    // Protecting one scope's figures must not touch the other's.
    cohort.suppressed.push({ metric: 'completed', reason: 'small-count' });
    cohort.assessments[0].passed = null;
    expect(course.suppressed).toEqual([]);
    expect(course.assessments[0].passed).toBe(3);
    expect(figuresOf(enrollments, inputs, memo).suppressed).toEqual([]);
  });

  it('counts a scope with other enrollments, or the same ones in another order, anew', () => {
    const memo: FiguresMemo = [];
    figuresOf(enrollments, inputs, memo);
    expect(figuresOf(enrollments.slice(0, 3), inputs, memo)).toEqual(figuresOf(enrollments.slice(0, 3), inputs));
    expect(figuresOf(enrollments.slice(0, 3), inputs, memo).enrolled).toBe(3);
    const reversed = [...enrollments].reverse();
    expect(figuresOf(reversed, inputs, memo)).toEqual(figuresOf(reversed, inputs));
    expect(memo).toHaveLength(3);
  });
});
