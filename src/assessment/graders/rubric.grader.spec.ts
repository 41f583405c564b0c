import { loadConfig } from '../../config/load-config';
import { DesignCheckPool } from './design-check-pool.service';
import { RubricGrader } from './rubric.grader';

// A generous limit: the checks run at the lowest CPU priority and this machine may be loaded.
const pool = new DesignCheckPool(loadConfig({ NODE_ENV: 'test', DESIGN_CHECK_TIMEOUT_MS: '300000' }));
const grader = new RubricGrader(pool);
afterAll(() => pool.onModuleDestroy());
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

describe('rubric grader: machine feedback on submitted HTML/CSS', () => {
  const designKey = grader.validateKey({
    criteria: [{ id: 'layout', title: 'Layout', levels: [{ label: 'ok', points: 1 }] }],
    design: { requiredSelectors: [{ selector: 'nav a', message: 'Add links in a <nav>.' }, { selector: 'main h1', message: 'Give the page one main heading.' }] },
  });
  const grade = (answer: unknown) =>
    grader.grade({ key: designKey, answer: grader.validateAnswer(answer), traineeId: 't', assessmentId: 'a', versionId: 'v', submissionId: 's', maxScore: 10 });

  it('answers each missing structure and accessibility violation as a feedback line, and still waits for review', async () => {
    const outcome = await grade({ text: 'see page', html: '<html><body><main><h1>Hi</h1><img src="x.png"></main><script>globalThis.ran = 1</script></body></html>', css: 'main{}' });
    expect(outcome.needsReview).toBe(true);
    expect(outcome.score).toBe(0);
    const lines = outcome.feedback.lines as string[];
    expect(lines).toContain('Add links in a <nav>.');
    expect(lines).not.toContain('Give the page one main heading.');
    expect(lines.some((l) => l.startsWith('Accessibility:') && l.includes('image-alt'))).toBe(true);
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
  });

  it('has no machine feedback for text-and-links work', async () => {
    const outcome = await grade({ text: 'my design', links: ['https://figma.example/x'] });
    expect(outcome.feedback).toEqual({ awaiting: 'instructor review' });
  });

  it('shows trainees the requirements, not the selectors', () => {
    const view = JSON.stringify(grader.publicView(designKey));
    expect(view).toContain('Add links in a <nav>.');
    expect(view).not.toContain('nav a');
  });

  it('refuses an invalid selector at authoring (422) and oversized or misshapen HTML at submission (400)', () => {
    const bad = { criteria: designKey.criteria, design: { requiredSelectors: [{ selector: 'nav >>> ][', message: 'x' }] } };
    expect(() => grader.validateKey(bad)).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => grader.validateAnswer({ html: 'x'.repeat(400_001) })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => grader.validateAnswer({ html: 42 })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => grader.validateAnswer({ css: 'a{}', text: 'x' })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
