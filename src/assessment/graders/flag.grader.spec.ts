import { AppConfig } from '../../config/app-config';
import { FlagGrader, FlagKey, hintPenalty } from './flag.grader';
import { deriveFlag, flagsEqual } from './flag-derivation';

const config = Object.assign(new AppConfig(), { FLAG_SECRET: 'a-test-flag-secret-of-at-least-32-characters' });
const grader = new FlagGrader(config);
const key: FlagKey = grader.validateKey({
  flags: [{ id: 'user', label: 'User flag', points: 30 }, { id: 'root', label: 'Root flag', points: 70 }],
  hints: [{ id: 'h1', text: 'Look at the cookies', cost: 10 }, { id: 'h2', text: 'sudo -l', cost: 20 }],
});

const grade = (traineeId: string, flags: string[]) =>
  grader.grade({ key, answer: grader.validateAnswer({ flags }), traineeId, assessmentId: 'asm-1', versionId: 'v', submissionId: 's', maxScore: 100 });

describe('flag grader', () => {
  it('derives a different flag per trainee, flag and assessment', () => {
    const a = grader.flagFor('asm-1', 'user', 'alice');
    expect(a).toMatch(/^FLAG\{[0-9a-f]{32}\}$/);
    expect(grader.flagFor('asm-1', 'user', 'alice')).toBe(a);
    expect(grader.flagFor('asm-1', 'user', 'bob')).not.toBe(a);
    expect(grader.flagFor('asm-1', 'root', 'alice')).not.toBe(a);
    expect(grader.flagFor('asm-2', 'user', 'alice')).not.toBe(a);
    expect(deriveFlag('another-secret-of-at-least-32-characters!', 'asm-1', 'user', 'alice')).not.toBe(a);
  });

  it('scores each captured flag’s points', async () => {
    expect((await grade('alice', [grader.flagFor('asm-1', 'user', 'alice')])).score).toBe(30);
    expect((await grade('alice', [grader.flagFor('asm-1', 'root', 'alice'), grader.flagFor('asm-1', 'user', 'alice')])).score).toBe(100);
  });

  it('a flag shared by another trainee scores nothing', async () => {
    const bobs = [grader.flagFor('asm-1', 'user', 'bob'), grader.flagFor('asm-1', 'root', 'bob')];
    const outcome = await grade('alice', bobs);
    expect(outcome.score).toBe(0);
    expect(JSON.stringify(outcome.feedback)).not.toContain(grader.flagFor('asm-1', 'user', 'alice'));
  });

  it('compares in constant time over hashes (any length, surrounding spaces ignored)', () => {
    const flag = grader.flagFor('asm-1', 'user', 'alice');
    expect(flagsEqual(` ${flag} `, flag)).toBe(true);
    expect(flagsEqual('x', flag)).toBe(false);
    expect(flagsEqual('', flag)).toBe(false);
  });

  it('hints cost their points, scaled to the max score', () => {
    expect(hintPenalty(key, [], 100)).toBe(0);
    expect(hintPenalty(key, ['h1'], 100)).toBe(10);
    expect(hintPenalty(key, ['h1', 'h2'], 50)).toBe(15);
    expect(hintPenalty(key, ['unknown'], 100)).toBe(0);
  });

  it('never shows flags or hint texts in the public view', () => {
    const view = JSON.stringify(grader.publicView(key));
    expect(view).not.toMatch(/cookies|sudo|FLAG\{/);
    expect(view).toContain('h1');
  });

  it('refuses a key without flags (422) and answers that are not strings (400)', () => {
    expect(() => grader.validateKey({ flags: [] })).toThrow(expect.objectContaining({ status: 422 }));
    expect(() => grader.validateAnswer({ flags: [42] })).toThrow(expect.objectContaining({ status: 400 }));
  });
});
