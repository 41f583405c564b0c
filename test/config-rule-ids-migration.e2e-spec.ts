import { authorAssessment, instructorWithModule, quizBody, startAssessmentApp } from './support/assessment-builders';
import { TestApp } from './support/test-app';
import { TestPerson } from './support/people';
import { ConfigRuleIds1796200000000, withCurrentRuleIds } from '../migrations/1796200000000-ConfigRuleIds';

const rule = (id: string | undefined, path: string) => ({ ...(id ? { id } : {}), check: 'required', path, points: 1, message: `Set ${path}.` });

describe('migration: config rule ids saved as rules[N] become rule-N in drafts', () => {
  let t: TestApp;
  let instructor: TestPerson;
  let moduleId: string;

  beforeAll(async () => {
    const started = await startAssessmentApp();
    t = started.t;
    const made = await instructorWithModule(t, started.fakes, started.admin);
    instructor = made.instructor;
    moduleId = made.module.moduleId;
  });
  afterAll(() => t.close());

  const keyOf = async (id: string) => (await t.dataSource.query('SELECT answer_key FROM assessment WHERE id = $1', [id]))[0].answer_key;
  /** Stores a key as the former key check did, bypassing today's. */
  const storeRaw = (id: string, key: unknown) => t.dataSource.query('UPDATE assessment SET answer_key = $2::jsonb WHERE id = $1', [id, JSON.stringify(key)]);

  it('renames legacy ids (skipping ids already taken), so the draft saves again; other keys are untouched', async () => {
    const legacyId = await authorAssessment(t.api, instructor, moduleId, { kind: 'config', title: 'Bucket', maxScore: 3, passMark: 1, key: { rules: [rule('a', '$.a')] } });
    // rules[1] would become rule-2, which the third rule already has: it takes the next free one, rule-3 (and rules[3] rule-4).
    const legacy = { format: 'auto', rules: [rule('rules[0]', '$.owner'), rule('rules[1]', '$.public'), rule('rule-2', '$.tags'), rule('rules[3]', '$.region')] };
    await storeRaw(legacyId, legacy);
    const currentKey = { rules: [rule('owner', '$.owner'), rule(undefined, '$.public')] };
    const currentId = await authorAssessment(t.api, instructor, moduleId, { kind: 'config', title: 'Current', maxScore: 2, passMark: 1, key: currentKey });
    const quizId = await authorAssessment(t.api, instructor, moduleId, quizBody());
    const [currentBefore, quizBefore] = [await keyOf(currentId), await keyOf(quizId)];
    // Before: the stored key cannot be saved back (the check refuses its ids).
    const refused = await t.api.patch(`/api/v1/assessments/${legacyId}`, { key: await keyOf(legacyId) }, instructor.token);
    expect(refused.status).toBe(422);

    const runner = t.dataSource.createQueryRunner();
    try {
      await new ConfigRuleIds1796200000000().up(runner);
    } finally {
      await runner.release();
    }

    const migrated = await keyOf(legacyId);
    const expected = ['rule-1', 'rule-3', 'rule-2', 'rule-4'];
    expect(migrated).toEqual({ ...legacy, rules: legacy.rules.map((r, i) => ({ ...r, id: expected[i] })) });
    expect(await keyOf(currentId)).toEqual(currentBefore);
    expect(await keyOf(quizId)).toEqual(quizBefore);
    const saved = await t.api.patch(`/api/v1/assessments/${legacyId}`, { key: migrated }, instructor.token);
    expect(saved.status).toBe(200);
    expect(saved.body.key.rules.map((r: { id: string }) => r.id)).toEqual(expected);
  });

  it('leaves keys without legacy ids, and anything that is not a list of rules, alone', () => {
    expect(withCurrentRuleIds({ rules: [rule('rule-1', '$.a'), rule('x', '$.b')] })).toBeNull();
    expect(withCurrentRuleIds(null)).toBeNull();
    expect(withCurrentRuleIds({ rules: 'none' })).toBeNull();
    expect(withCurrentRuleIds({ rules: [null, rule('rules[1]', '$.b')] })).toEqual({ rules: [null, rule('rule-2', '$.b')] });
  });
});
