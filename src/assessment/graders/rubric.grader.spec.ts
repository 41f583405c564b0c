import { RubricGrader } from './rubric.grader';

const grader = new RubricGrader();
const key = grader.validateKey({
  criteria: [
    { id: 'layout', title: 'Layout', levels: [{ label: 'weak', points: 0 }, { label: 'good', points: 5 }, { label: 'great', points: 10 }] },
    { id: 'a11y', title: 'Accessibility', levels: [{ label: 'no', points: 0 }, { label: 'yes', points: 10 }] },
  ],
});

describe('rubric grader', () => {
  it('sends every submission to review', async () => {
    const outcome = await grader.grade({ key, answer: grader.validateAnswer({ text: 'my design', links: ['https://figma.example/x'] }), traineeId: 't', assessmentId: 'a', versionId: 'v', submissionId: 's', maxScore: 100 });
    expect(outcome.needsReview).toBe(true);
  });

  it('scores a review criterion by criterion, scaled to the max score', () => {
    expect(grader.scoreReview(key, [{ criterionId: 'layout', points: 5 }, { criterionId: 'a11y', points: 10 }], 100).score).toBe(75);
  });

  it('refuses a review that misses a criterion or exceeds a criterion’s best level', () => {
    expect(() => grader.scoreReview(key, [{ criterionId: 'layout', points: 5 }], 100)).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => grader.scoreReview(key, [{ criterionId: 'layout', points: 11 }, { criterionId: 'a11y', points: 0 }], 100)).toThrow(expect.objectContaining({ status: 422 }));
  });

  it('refuses links that are not http(s)', () => {
    expect(() => grader.validateAnswer({ text: '', links: ['javascript:alert(1)'] })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
