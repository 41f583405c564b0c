import { describe, expect, it } from 'vitest';
import { designFindings, isWebLink, marksFromFeedback, reviewCriteria, rubricCriteria, rubricTotal, scaledScore } from './rubric-score';

const key = {
  criteria: [
    { id: 'layout', title: 'Layout', levels: [{ label: 'weak', points: 0 }, { label: 'good', points: 5 }, { label: 'great', points: 10 }] },
    { id: 'a11y', title: 'Accessibility', levels: [{ label: 'missing', points: 0 }, { label: 'done', points: 10 }] },
  ],
};
const criteria = rubricCriteria(key);

describe('rubric score', () => {
  it('reads the criteria of a rubric key, none of anything else', () => {
    expect(criteria.map((c) => c.id)).toEqual(['layout', 'a11y']);
    expect(rubricCriteria(null)).toEqual([]);
    expect(rubricCriteria({ questions: [] })).toEqual([]);
  });

  it('adds the chosen levels against each criterion’s best level', () => {
    expect(rubricTotal(criteria, {})).toEqual({ earned: 0, possible: 20, complete: false });
    expect(rubricTotal(criteria, { layout: { points: 5 } })).toEqual({ earned: 5, possible: 20, complete: false });
    expect(rubricTotal(criteria, { layout: { points: 5 }, a11y: { points: 10 } })).toEqual({ earned: 15, possible: 20, complete: true });
    expect(rubricTotal(criteria, { layout: { points: 0 }, a11y: { points: 0 } })).toEqual({ earned: 0, possible: 20, complete: true });
  });

  it('scales to the maximum score like the server', () => {
    expect(scaledScore(15, 20, 100)).toBe(75);
    expect(scaledScore(1, 3, 10)).toBe(3.33);
    expect(scaledScore(0, 0, 100)).toBe(0);
  });

  it('sends every criterion once in rubric order, without blank comments', () => {
    expect(reviewCriteria(criteria, { a11y: { points: 10, comment: '  ' }, layout: { points: 5, comment: ' Clear grid ' } })).toEqual([
      { criterionId: 'layout', points: 5, comment: 'Clear grid' },
      { criterionId: 'a11y', points: 10 },
    ]);
  });

  it('starts a correction from the past review', () => {
    expect(marksFromFeedback({ criteria: [{ criterionId: 'layout', points: 5, comment: 'ok' }, { criterionId: 'a11y', points: 0 }] })).toEqual({
      layout: { points: 5, comment: 'ok' },
      a11y: { points: 0 },
    });
    expect(marksFromFeedback({ awaiting: 'instructor review' })).toEqual({});
  });

  it('reads the machine findings and keeps only web links', () => {
    expect(designFindings({ machine: { findings: [{ kind: 'accessibility', message: 'Images need alt text', impact: 'critical' }, { bad: 1 }] } })).toEqual([
      { kind: 'accessibility', message: 'Images need alt text', impact: 'critical' },
    ]);
    expect(designFindings(null)).toEqual([]);
    expect(isWebLink('https://figma.example/file/1')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('not a url')).toBe(false);
  });
});
