// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flagKeyForApi, flagKeyFromApi, flagKeyProblems, flagPointsTotal, newFlag, newHint } from './flag-key';
import { configKeyForApi, configKeyFromApi, configKeyProblems, configPointsTotal, newRule, newValue } from './config-key';
import { pathSyntaxProblem } from './config-path-syntax';
import { browserReadsSelector, newCriterion, newSelector, rubricKeyForApi, rubricKeyFromApi, rubricKeyProblems, rubricTotal } from './rubric-key';
import { keyFieldErrors, moveItem } from './key-draft';
import { publishProblems } from './publish-checks';
import type { AuthorAssessment, CourseDraft } from './teach.types';

/** Stored keys as the graders store them (every field the key DTOs have). */
const FLAG_KEY = {
  flags: [
    { id: 'dns', label: 'Flag in the DNS query', points: 60 },
    { id: 'web_root', label: 'Flag in the web root', points: 40.5 },
  ],
  hints: [
    { id: 'h1', text: 'Filter on dns.qry.name.', cost: 10 },
    { id: 'h2', text: 'Look at robots.txt.', cost: 0 },
  ],
};

const CONFIG_KEY = {
  format: 'yaml',
  rules: [
    { id: 'owner', check: 'equals', path: '$.owner', points: 5, message: 'Set the owner.', value: 'reporting' },
    { id: 'public', check: 'equals', path: "$['public access']", points: 5, message: 'Keep it private.', description: 'The bucket is private.', value: false },
    { id: 'tags', check: 'notEquals', path: '$.tags', points: 1, message: 'Tag it.', value: { env: 'prod', ids: [1, null] } },
    { id: 'nothing', check: 'equals', path: '$.deleted', points: 0, message: 'Not deleted.', value: null },
    { id: 'tier', check: 'oneOf', path: '$.tier', points: 2, message: 'A known tier.', values: ['gold', 3, true, null, ['a']] },
    { id: 'replicas', check: 'atLeast', path: '$.spec.replicas', points: 3, message: 'Two replicas at least.', value: 2 },
    { id: 'cpu', check: 'atMost', path: '$.spec.cpu', points: 1, message: 'At most 1.5 CPU.', value: 1.5 },
    { id: 'ssh', check: 'notOpenToWorld', path: '$.ingress[*]', points: 4, message: 'No SSH to the world.', ports: [22, 3389] },
    { id: 'any', check: 'notOpenToWorld', path: '$.egress.*', points: 1, message: 'Nothing open.' },
    { id: 'present', check: 'required', path: '$.Statement[0].Condition', points: 1, message: 'A condition.' },
    { id: 'gone', check: 'absent', path: '$.legacy', points: 1, message: 'No legacy.' },
    { id: 'wild', check: 'noWildcard', path: '$.Statement[*].Action', points: 1, message: 'No *.' },
    { id: 'enc', check: 'encrypted', path: '$.encryption', points: 1, message: 'Encrypt.' },
    { id: 'shape', check: 'schema', path: '$', points: 2, message: 'Follow the shape.', schema: { type: 'object', required: ['name'] }, messages: { '/name': 'Name it.', required: 'Missing a field.' } },
  ],
};

const RUBRIC_KEY = {
  criteria: [
    { id: 'flow', title: 'The flow covers errors', levels: [{ label: 'missing', points: 0 }, { label: 'partial', points: 2.5 }, { label: 'complete', points: 5 }] },
    { id: 'a11y', title: 'Contrast and labels', levels: [{ label: 'complete', points: 3 }] },
  ],
  design: { requiredSelectors: [{ selector: 'main h1', message: 'Give the page a heading.' }, { selector: 'form label', message: 'Label the fields.', min: 2 }] },
};

const roundTrip = <T>(key: T, from: (k: T) => unknown, to: (d: never) => unknown) => to(from(key) as never);

describe('flag key', () => {
  it('saves a loaded key unchanged', () => {
    const saved = roundTrip(FLAG_KEY, flagKeyFromApi, flagKeyForApi);
    expect(saved).toEqual(FLAG_KEY);
    expect(JSON.stringify(saved)).toBe(JSON.stringify(FLAG_KEY));
    expect(flagKeyProblems(flagKeyFromApi(FLAG_KEY))).toEqual({});
    expect(flagPointsTotal(flagKeyFromApi(FLAG_KEY))).toBe(100.5);
  });

  it('names each field the flag grader would refuse', () => {
    const draft = flagKeyFromApi(FLAG_KEY);
    draft.flags[0] = { ...draft.flags[0], id: 'has space', points: '0' };
    draft.flags[1] = { ...draft.flags[1], label: '' };
    draft.hints[0] = { ...draft.hints[0], cost: '-1', text: 'x'.repeat(2001) };
    draft.hints[1] = { ...draft.hints[1], id: 'h1' };
    expect(flagKeyProblems(draft)).toEqual({
      'flags[0].id': { rule: 'id-format' },
      'flags[0].points': { rule: 'number', min: 0.01, max: 1000 },
      'flags[1].label': { rule: 'required' },
      'hints[0].text': { rule: 'too-long', max: 2000 },
      'hints[0].cost': { rule: 'number', min: 0, max: 1000 },
      'hints[1].id': { rule: 'duplicate' },
    });
    expect(flagKeyProblems({ flags: [], hints: [] })).toEqual({ flags: { rule: 'count', min: 1, max: 20 } });
  });

  it('gives new flags and hints ids not used yet, and moves hints', () => {
    expect(newFlag(['flag-2']).id).toBe('flag-3');
    expect(newFlag(['flag-1', 'flag-3']).id).toBe('flag-4');
    expect(newHint(['hint-1']).id).toBe('hint-2');
    const draft = flagKeyFromApi(FLAG_KEY);
    expect((flagKeyForApi({ ...draft, hints: moveItem(draft.hints, 1, 0) }).hints as Array<{ id: string }>).map((h) => h.id)).toEqual(['h2', 'h1']);
  });
});

describe('config key', () => {
  it('saves a loaded key unchanged, every check and parameter included', () => {
    const saved = roundTrip(CONFIG_KEY, configKeyFromApi, configKeyForApi);
    expect(saved).toEqual(CONFIG_KEY);
    expect(JSON.stringify(saved)).toBe(JSON.stringify(CONFIG_KEY));
    expect(configKeyProblems(configKeyFromApi(CONFIG_KEY))).toEqual({});
    expect(configPointsTotal(configKeyFromApi(CONFIG_KEY))).toBe(28);
  });

  it('keeps text and numbers apart, and sends only what the chosen check uses', () => {
    const draft = configKeyFromApi(CONFIG_KEY);
    expect(draft.rules[0].value).toMatchObject({ type: 'text', text: 'reporting' });
    expect(draft.rules[1].value).toMatchObject({ type: 'boolean', text: 'false' });
    const changed = { ...draft.rules[0], check: 'required' as const };
    expect(configKeyForApi({ ...draft, rules: [changed] }).rules).toEqual([{ id: 'owner', check: 'required', path: '$.owner', points: 5, message: 'Set the owner.' }]);
    const number = { ...draft.rules[0], value: newValue('number', '5') };
    expect((configKeyForApi({ ...draft, rules: [number] }).rules as Array<{ value: unknown }>)[0].value).toBe(5);
    const asText = { ...draft.rules[0], value: newValue('text', '5') };
    expect((configKeyForApi({ ...draft, rules: [asText] }).rules as Array<{ value: unknown }>)[0].value).toBe('5');
  });

  it('names each field the config grader would refuse', () => {
    const draft = configKeyFromApi(CONFIG_KEY);
    const rules = draft.rules;
    rules[0] = { ...rules[0], path: 'owner', points: '1.5', message: '   ' };
    rules[1] = { ...rules[1], id: '-bad', value: newValue('json', '{not json') };
    rules[4] = { ...rules[4], values: [] };
    rules[5] = { ...rules[5], value: newValue('number', 'two') };
    rules[7] = { ...rules[7], ports: '22, 70000' };
    rules[13] = { ...rules[13], schema: '[1]', messages: [...rules[13].messages, { uid: 'x', where: '/name', message: '' }] };
    rules[2] = { ...rules[2], id: 'owner', path: '$.a[?(@.x)]' };
    expect(configKeyProblems(draft)).toEqual({
      'rules[0].path': { rule: 'path', reason: 'start' },
      'rules[0].points': { rule: 'integer', min: 0, max: 1000 },
      'rules[0].message': { rule: 'required' },
      'rules[1].id': { rule: 'rule-id-format' },
      'rules[1].value': { rule: 'json' },
      'rules[2].path': { rule: 'path', reason: 'step' },
      'rules[2].id': { rule: 'duplicate' },
      'rules[4].values': { rule: 'count', min: 1, max: 100 },
      'rules[5].value': { rule: 'not-number' },
      'rules[7].ports': { rule: 'ports' },
      'rules[13].schema': { rule: 'json-object' },
      'rules[13].messages[2].message': { rule: 'required' },
      'rules[13].messages[2].where': { rule: 'duplicate' },
    });
    expect(configKeyProblems({ format: 'auto', rules: [] })).toEqual({ rules: { rule: 'count', min: 1, max: 100 } });
  });

  it('reads paths as the grader does', () => {
    for (const ok of ['$', '$.a', '$.a.b[0]', '$[*]', '$.*', "$['a b']['it\\'s']", '$.Statement[*].Effect', '$.@type', '$.a:b']) expect(pathSyntaxProblem(ok), ok).toBeUndefined();
    expect(pathSyntaxProblem('a.b')).toBe('start');
    expect(pathSyntaxProblem('$..a')).toBe('step');
    expect(pathSyntaxProblem('$.a[-1]')).toBe('step');
    expect(pathSyntaxProblem(`$${'.a'.repeat(33)}`)).toBe('steps');
    expect(pathSyntaxProblem(`$.${'a'.repeat(300)}`)).toBe('long');
  });

  it('starts new rules with an unused id and a readable path', () => {
    const rule = newRule(['rule-1']);
    expect(rule.id).toBe('rule-2');
    expect(configKeyProblems({ format: 'auto', rules: [{ ...rule, message: 'm', value: newValue('text', 'x') }] })).toEqual({});
  });
});

describe('design task (rubric) key', () => {
  it('saves a loaded key unchanged, with and without page checks', () => {
    expect(roundTrip(RUBRIC_KEY, rubricKeyFromApi, rubricKeyForApi)).toEqual(RUBRIC_KEY);
    expect(JSON.stringify(roundTrip(RUBRIC_KEY, rubricKeyFromApi, rubricKeyForApi))).toBe(JSON.stringify(RUBRIC_KEY));
    const noDesign = { criteria: RUBRIC_KEY.criteria };
    expect(roundTrip(noDesign, rubricKeyFromApi, rubricKeyForApi)).toEqual(noDesign);
    const emptyDesign = { criteria: RUBRIC_KEY.criteria, design: { requiredSelectors: [] } };
    expect(roundTrip(emptyDesign, rubricKeyFromApi, rubricKeyForApi)).toEqual(emptyDesign);
    expect(rubricKeyProblems(rubricKeyFromApi(RUBRIC_KEY), browserReadsSelector)).toEqual({});
  });

  it('totals each criterion’s best level', () => {
    expect(rubricTotal(rubricKeyFromApi(RUBRIC_KEY))).toBe(8);
  });

  it('names each field the rubric grader would refuse', () => {
    const draft = rubricKeyFromApi(RUBRIC_KEY);
    draft.criteria[0] = { ...draft.criteria[0], title: '', levels: [] };
    draft.criteria[1] = { ...draft.criteria[1], id: 'flow', levels: [{ ...draft.criteria[1].levels[0], label: '', points: '1001' }] };
    draft.selectors = [{ ...newSelector(), selector: 'main >> h1', message: 'Heading', min: '0' }, { ...newSelector() }];
    expect(rubricKeyProblems(draft, browserReadsSelector)).toEqual({
      'criteria[0].title': { rule: 'required' },
      'criteria[0].levels': { rule: 'count', min: 1, max: 10 },
      'criteria[1].levels[0].label': { rule: 'required' },
      'criteria[1].levels[0].points': { rule: 'number', min: 0, max: 1000 },
      'criteria[1].id': { rule: 'duplicate' },
      'design.requiredSelectors[0].selector': { rule: 'selector' },
      'design.requiredSelectors[0].min': { rule: 'integer', min: 1, max: 1000 },
      'design.requiredSelectors[1].selector': { rule: 'required' },
      'design.requiredSelectors[1].message': { rule: 'required' },
    });
    // Without page checks, the selectors are neither checked nor sent.
    expect(rubricKeyProblems({ ...draft, criteria: [newCriterion([])].map((c) => ({ ...c, title: 'T', levels: c.levels.map((l) => ({ ...l, label: 'L' })) })), checksPage: false }, browserReadsSelector)).toEqual({});
    expect(rubricKeyForApi({ ...draft, checksPage: false })).not.toHaveProperty('design');
  });
});

describe('API errors of a key', () => {
  it('are found by the grader’s field path, with or without key. in front', () => {
    expect(keyFieldErrors({ 'key.flags[0].id': 'a', 'rules[1].path': 'b', title: 'c' })).toEqual({ 'flags[0].id': 'a', 'rules[1].path': 'b', title: 'c' });
  });
});

describe('publish checks of the structured keys', () => {
  const draft = { course: { id: 'c' }, modules: [{ id: 'm1', title: 'Basics', lessons: [{ id: 'l1', title: 'Intro', kind: 'video', body: '' }] }] } as unknown as CourseDraft;
  const assessment = (kind: string, title: string, key: Record<string, unknown>) => ({ id: title, moduleId: 'm1', kind, title, key }) as unknown as AuthorAssessment;

  it('name a flag, config or rubric item whose stored key the grader would refuse, and pass good keys', () => {
    const problems = publishProblems(draft, [
      assessment('flag', 'Capture', FLAG_KEY),
      assessment('config', 'Review', CONFIG_KEY),
      assessment('rubric', 'Design', RUBRIC_KEY),
      assessment('flag', 'No flags', { flags: [], hints: [] }),
      assessment('config', 'Bad path', { format: 'auto', rules: [{ ...CONFIG_KEY.rules[0], path: 'owner' }] }),
    ]);
    expect(problems).toEqual([
      { rule: 'key-problems', assessment: 'No flags', count: 1 },
      { rule: 'key-problems', assessment: 'Bad path', count: 1 },
    ]);
  });
});
