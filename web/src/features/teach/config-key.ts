import { pathSyntaxProblem } from './config-path-syntax';
import { ProblemCollector, numberOf, textOf, uid, unusedId, type KeyProblems } from './key-draft';

/** The checks of the config grader (CONFIG_CHECKS in src/assessment/graders/config-rules.ts), in its order. */
export const CONFIG_CHECKS = ['required', 'absent', 'equals', 'notEquals', 'oneOf', 'atLeast', 'atMost', 'noWildcard', 'notOpenToWorld', 'encrypted', 'schema'] as const;
export type ConfigCheck = (typeof CONFIG_CHECKS)[number];
export const CONFIG_FORMATS = ['auto', 'json', 'yaml'] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

/** What each check needs besides its path (NEEDS in config-rules.ts, plus ports and schema). */
export const CHECK_NEEDS: Partial<Record<ConfigCheck, 'value' | 'number' | 'values' | 'ports' | 'schema'>> = {
  equals: 'value',
  notEquals: 'value',
  oneOf: 'values',
  atLeast: 'number',
  atMost: 'number',
  notOpenToWorld: 'ports',
  schema: 'schema',
};

export const VALUE_TYPES = ['text', 'number', 'boolean', 'null', 'json'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** An expected value: typed as text, read by its type (so "5" the text and 5 the number stay apart). */
export interface ValueDraft {
  uid: string;
  type: ValueType;
  text: string;
}

export interface ConfigRuleDraft {
  uid: string;
  id: string;
  check: ConfigCheck;
  path: string;
  points: string;
  message: string;
  /** Empty: the trainee is shown a generated description. */
  description: string;
  value: ValueDraft;
  values: ValueDraft[];
  /** Port numbers separated by commas; empty: any port. */
  ports: string;
  /** The JSON Schema, as JSON text (a schema is itself JSON; only the schema check uses it). */
  schema: string;
  messages: Array<{ uid: string; where: string; message: string }>;
}

export interface ConfigKeyDraft {
  format: ConfigFormat;
  rules: ConfigRuleDraft[];
}

export const newValue = (type: ValueType = 'text', text = ''): ValueDraft => ({ uid: uid(), type, text });

export function valueFromApi(value: unknown): ValueDraft {
  if (typeof value === 'string') return newValue('text', value);
  if (typeof value === 'number') return newValue('number', String(value));
  if (typeof value === 'boolean') return newValue('boolean', String(value));
  if (value === null) return newValue('null');
  return newValue('json', JSON.stringify(value, null, 2));
}

/** The value a draft stands for; undefined when its text cannot be read as its type. */
export function valueForApi(draft: ValueDraft): unknown {
  switch (draft.type) {
    case 'text':
      return draft.text;
    case 'number':
      return Number.isFinite(numberOf(draft.text)) ? numberOf(draft.text) : undefined;
    case 'boolean':
      return draft.text === 'true';
    case 'null':
      return null;
    case 'json':
      try {
        return JSON.parse(draft.text) as unknown;
      } catch {
        return undefined;
      }
  }
}

export function newRule(ids: string[]): ConfigRuleDraft {
  return { uid: uid(), id: unusedId('rule', ids), check: 'equals', path: '$', points: '1', message: '', description: '', value: newValue(), values: [newValue()], ports: '', schema: '{\n  "type": "object"\n}', messages: [] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function configKeyFromApi(raw: Record<string, unknown> | undefined): ConfigKeyDraft {
  if (!raw) return { format: 'auto', rules: [newRule([])] };
  const rules = Array.isArray(raw.rules) ? (raw.rules as unknown[]).filter(isRecord) : [];
  return {
    format: CONFIG_FORMATS.includes(raw.format as ConfigFormat) ? (raw.format as ConfigFormat) : 'auto',
    rules: rules.map((r, i) => {
      const blank = newRule([]);
      return {
        ...blank,
        id: typeof r.id === 'string' ? r.id : `rule-${i + 1}`,
        check: CONFIG_CHECKS.includes(r.check as ConfigCheck) ? (r.check as ConfigCheck) : 'required',
        path: textOf(r.path),
        points: textOf(r.points),
        message: textOf(r.message),
        description: textOf(r.description),
        ...('value' in r ? { value: valueFromApi(r.value) } : {}),
        ...(Array.isArray(r.values) ? { values: r.values.map(valueFromApi) } : {}),
        ports: Array.isArray(r.ports) ? r.ports.join(', ') : '',
        ...(isRecord(r.schema) ? { schema: JSON.stringify(r.schema, null, 2) } : {}),
        messages: isRecord(r.messages) ? Object.entries(r.messages).map(([where, message]) => ({ uid: uid(), where, message: textOf(message) })) : [],
      };
    }),
  };
}

const portsOf = (text: string): number[] => text.split(',').map((p) => p.trim()).filter(Boolean).map(Number);

function schemaOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Only what the rule's check uses is sent: the grader refuses parameters another check would use. */
export function ruleForApi(rule: ConfigRuleDraft): Record<string, unknown> {
  const needs = CHECK_NEEDS[rule.check];
  return {
    id: rule.id,
    check: rule.check,
    path: rule.path,
    points: numberOf(rule.points),
    message: rule.message,
    ...(rule.description.trim() ? { description: rule.description } : {}),
    ...(needs === 'value' || needs === 'number' ? { value: valueForApi(needs === 'number' ? { ...rule.value, type: 'number' } : rule.value) } : {}),
    ...(needs === 'values' ? { values: rule.values.map(valueForApi) } : {}),
    ...(needs === 'ports' && rule.ports.trim() ? { ports: portsOf(rule.ports) } : {}),
    ...(needs === 'schema' ? { schema: schemaOf(rule.schema) } : {}),
    ...(needs === 'schema' && rule.messages.length ? { messages: Object.fromEntries(rule.messages.map((m) => [m.where, m.message])) } : {}),
  };
}

export const configKeyForApi = (key: ConfigKeyDraft): Record<string, unknown> => ({ format: key.format, rules: key.rules.map(ruleForApi) });

/** Sum of the rules' points: a document that passes every rule earns the maximum score. */
export const configPointsTotal = (key: ConfigKeyDraft): number => key.rules.reduce((sum, r) => sum + (Number.isInteger(numberOf(r.points)) ? numberOf(r.points) : 0), 0);

/** parseConfigKey's rules, before saving (a schema's own validity is the server's to judge). */
export function configKeyProblems(key: ConfigKeyDraft): KeyProblems {
  const check = new ProblemCollector();
  check.count(key.rules.length, 'rules', 1, 100);
  key.rules.forEach((rule, i) => ruleProblems(rule, `rules[${i}]`, check));
  check.unique(key.rules.map((r) => r.id), (i) => `rules[${i}].id`);
  return check.problems;
}

function ruleProblems(rule: ConfigRuleDraft, at: string, check: ProblemCollector): void {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/i.test(rule.id)) check.add(`${at}.id`, { rule: 'rule-id-format' });
  const path = pathSyntaxProblem(rule.path);
  if (path) check.add(`${at}.path`, { rule: 'path', reason: path });
  check.integer(rule.points, `${at}.points`, 0, 1000);
  check.trimmedText(rule.message, `${at}.message`, 500);
  if (rule.description.trim() && rule.description.length > 500) check.add(`${at}.description`, { rule: 'too-long', max: 500 });
  const needs = CHECK_NEEDS[rule.check];
  if (needs === 'number' && !Number.isFinite(numberOf(rule.value.text))) check.add(`${at}.value`, { rule: 'not-number' });
  if (needs === 'value') valueProblem(rule.value, `${at}.value`, check);
  if (needs === 'values') {
    check.count(rule.values.length, `${at}.values`, 1, 100);
    rule.values.forEach((v, j) => valueProblem(v, `${at}.values[${j}]`, check));
  }
  if (needs === 'ports' && rule.ports.trim() && portsOf(rule.ports).some((p) => !Number.isInteger(p) || p < 0 || p > 65535)) check.add(`${at}.ports`, { rule: 'ports' });
  if (needs === 'schema') {
    const schema = schemaOf(rule.schema);
    if (schema === undefined) check.add(`${at}.schema`, { rule: 'json' });
    else if (!isRecord(schema)) check.add(`${at}.schema`, { rule: 'json-object' });
    check.count(rule.messages.length, `${at}.messages`, 0, 100);
    rule.messages.forEach((m, j) => {
      check.text(m.where, `${at}.messages[${j}].where`, 300);
      check.trimmedText(m.message, `${at}.messages[${j}].message`, 500);
    });
    check.unique(rule.messages.map((m) => m.where), (j) => `${at}.messages[${j}].where`);
  }
}

function valueProblem(value: ValueDraft, field: string, check: ProblemCollector): void {
  if (valueForApi(value) === undefined) check.add(field, value.type === 'json' ? { rule: 'json' } : { rule: 'not-number' });
}
