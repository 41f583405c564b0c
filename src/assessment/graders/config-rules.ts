import { FieldError, unprocessable } from '@gds/http';
import { parsePath, PathSyntaxError } from './config-path';
import { compileSchemaCheck } from './json-schema-checks';

/**
 * The checks an instructor may write. Every check applies to each node its path reaches (see
 * config-path.ts); a node is "missing" when the path's last key or index is absent there.
 */
export const CONFIG_CHECKS = [
  'required', // every node is present (not missing, not null); the path reaches at least one node
  'absent', // every node is missing or null
  'equals', // every node deep-equals `value`; the path reaches at least one node
  'notEquals', // no node deep-equals `value`
  'oneOf', // every node is present and deep-equals one of `values`
  'atLeast', // every node is a number >= `value`
  'atMost', // every node is a number <= `value`
  'noWildcard', // no string inside any node contains '*'
  'notOpenToWorld', // no node (a firewall rule) opens one of `ports` (any port if omitted) to 0.0.0.0/0 or ::/0
  'encrypted', // every node is present and says encryption is on (see isEnabled)
  'schema', // every node satisfies the JSON Schema `schema` (ajv); each schema error is one feedback line
] as const;
export type ConfigCheck = (typeof CONFIG_CHECKS)[number];

export interface ConfigRule {
  id: string;
  check: ConfigCheck;
  /** Checked by parsePath when the key is validated; parsed again when graded (cheap). */
  path: string;
  points: number;
  /** Shown to the trainee when the rule fails (and beside it when it passes). */
  message: string;
  /** Shown to the trainee before submitting; generated when absent. */
  description?: string;
  value?: unknown;
  values?: unknown[];
  ports?: number[];
  /** For `schema`: a JSON Schema (draft-07 or 2019/2020 keywords that ajv knows), compiled at authoring. */
  schema?: Record<string, unknown>;
  /** For `schema`: messages per JSON pointer in the document (`/spec/replicas`) or per keyword (`required`). */
  messages?: Record<string, string>;
}

export interface ConfigKey {
  format: 'auto' | 'json' | 'yaml';
  rules: ConfigRule[];
}

export interface ConfigAnswer {
  document: string;
  format?: 'json' | 'yaml';
}

const MAX_RULES = 100;
const RULE_FIELDS = ['id', 'check', 'path', 'points', 'message', 'description', 'value', 'values', 'ports', 'schema', 'messages'];
const NEEDS: Partial<Record<ConfigCheck, 'value' | 'values' | 'number'>> = {
  equals: 'value',
  notEquals: 'value',
  oneOf: 'values',
  atLeast: 'number',
  atMost: 'number',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/** Checks an instructor's rules; a malformed rule is a 422 naming the rule and field. */
export function parseConfigKey(raw: unknown): ConfigKey {
  const errors: FieldError[] = [];
  if (!isRecord(raw)) throw unprocessable('invalid-config-key', 'The key must be an object { format?, rules }.');
  for (const field of Object.keys(raw)) if (!['format', 'rules'].includes(field)) errors.push({ field, message: 'is not a known field' });
  const format = raw.format ?? 'auto';
  if (!['auto', 'json', 'yaml'].includes(format as string)) errors.push({ field: 'format', message: 'must be auto, json or yaml' });
  if (!Array.isArray(raw.rules) || raw.rules.length === 0 || raw.rules.length > MAX_RULES) {
    errors.push({ field: 'rules', message: `must be a list of 1 to ${MAX_RULES} rules` });
  }
  const rules = (Array.isArray(raw.rules) ? raw.rules : []).map((rule, i) => parseRule(rule, i, errors));
  const ids = rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) errors.push({ field: 'rules', message: 'rule ids must be unique' });
  if (errors.length) throw unprocessable('invalid-config-key', 'The configuration rules are not valid.', { errors });
  return { format: format as ConfigKey['format'], rules };
}

function parseRule(raw: unknown, index: number, errors: FieldError[]): ConfigRule {
  const at = `rules[${index}]`;
  const fail = (field: string, message: string) => errors.push({ field: `${at}${field ? `.${field}` : ''}`, message });
  if (!isRecord(raw)) return fail('', 'must be an object'), ({} as ConfigRule);
  for (const field of Object.keys(raw)) if (!RULE_FIELDS.includes(field)) fail(field, 'is not a known field');
  const check = raw.check as ConfigCheck;
  if (!CONFIG_CHECKS.includes(check)) fail('check', `must be one of ${CONFIG_CHECKS.join(', ')}`);
  // A schema check looks at the whole document unless it names a path.
  const path = check === 'schema' && raw.path === undefined ? '$' : raw.path;
  try {
    if (typeof path !== 'string' || path.length > 300) throw new PathSyntaxError('must be a string of at most 300 characters');
    parsePath(path);
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error;
    fail('path', `is not a valid path: ${error.message}`);
  }
  if (!Number.isInteger(raw.points) || (raw.points as number) < 0 || (raw.points as number) > 1000) fail('points', 'must be an integer from 0 to 1000');
  if (!text(raw.message, 500)) fail('message', 'must be a non-empty text of at most 500 characters');
  if (raw.description !== undefined && !text(raw.description, 500)) fail('description', 'must be a non-empty text of at most 500 characters');
  if (raw.id !== undefined && !(typeof raw.id === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(raw.id))) fail('id', 'must be a short name of letters, digits, - and _');
  checkParameters(raw, check, fail);
  return {
    // A rule without an id is stored with one that passes this same check, so the stored key validates again.
    id: (raw.id as string) ?? `rule-${index + 1}`,
    check,
    path: path as string,
    points: raw.points as number,
    message: raw.message as string,
    ...(raw.description !== undefined ? { description: raw.description as string } : {}),
    ...('value' in raw ? { value: raw.value } : {}),
    ...(Array.isArray(raw.values) ? { values: raw.values } : {}),
    ...(Array.isArray(raw.ports) ? { ports: raw.ports as number[] } : {}),
    ...(isRecord(raw.schema) ? { schema: raw.schema } : {}),
    ...(isRecord(raw.messages) ? { messages: raw.messages as Record<string, string> } : {}),
  };
}

function checkParameters(raw: Record<string, unknown>, check: ConfigCheck, fail: (field: string, message: string) => void): void {
  const needs = NEEDS[check];
  if (needs === 'value' && (!('value' in raw) || raw.value === undefined)) fail('value', `is required by ${check}`);
  if (needs === 'number' && !(typeof raw.value === 'number' && Number.isFinite(raw.value))) fail('value', `must be a number for ${check}`);
  if (needs === 'values' && !(Array.isArray(raw.values) && raw.values.length > 0 && raw.values.length <= 100)) {
    fail('values', `must list 1 to 100 values for ${check}`);
  }
  if (needs !== 'value' && needs !== 'number' && 'value' in raw) fail('value', `is not used by ${check}`);
  if (needs !== 'values' && 'values' in raw) fail('values', `is not used by ${check}`);
  schemaParameters(raw, check, fail);
  if ('ports' in raw) {
    const ports = raw.ports;
    if (check !== 'notOpenToWorld') fail('ports', 'is only used by notOpenToWorld');
    else if (!Array.isArray(ports) || !ports.length || ports.some((p) => !Number.isInteger(p) || p < 0 || p > 65535)) {
      fail('ports', 'must list port numbers from 0 to 65535');
    }
  }
}

function schemaParameters(raw: Record<string, unknown>, check: ConfigCheck, fail: (field: string, message: string) => void): void {
  if (check !== 'schema') {
    if ('schema' in raw) fail('schema', 'is only used by schema');
    if ('messages' in raw) fail('messages', 'is only used by schema');
    return;
  }
  if (!isRecord(raw.schema)) fail('schema', 'must be a JSON Schema object');
  else {
    try {
      compileSchemaCheck({ schema: raw.schema });
    } catch (error) {
      fail('schema', (error as Error).message.slice(0, 500));
    }
  }
  if (raw.messages === undefined) return;
  const entries = isRecord(raw.messages) ? Object.entries(raw.messages) : null;
  if (!entries || entries.length > 100 || entries.some(([where, message]) => where.length > 300 || !text(message, 500))) {
    fail('messages', 'must map up to 100 JSON pointers or keywords to non-empty texts of at most 500 characters');
  }
}

/** What the trainee is told a rule checks, without the expected value where it would be the answer. */
export function describeRule(rule: ConfigRule): string {
  if (rule.description) return rule.description;
  const where = `\`${rule.path}\``;
  switch (rule.check) {
    case 'required':
      return `${where} must be present.`;
    case 'absent':
      return `${where} must not be present.`;
    case 'equals':
    case 'oneOf':
      return `${where} must have an expected value.`;
    case 'notEquals':
      return `${where} must not have a forbidden value.`;
    case 'atLeast':
      return `${where} must be at least ${String(rule.value)}.`;
    case 'atMost':
      return `${where} must be at most ${String(rule.value)}.`;
    case 'noWildcard':
      return `${where} must not use the wildcard '*'.`;
    case 'notOpenToWorld':
      return `No rule at ${where} may open ${rule.ports ? `port(s) ${rule.ports.join(', ')}` : 'any port'} to the whole internet (0.0.0.0/0 or ::/0).`;
    case 'encrypted':
      return `${where} must enable encryption.`;
    case 'schema':
      // The schema itself stays hidden: its const, enum and pattern values would be the answer.
      return `${where} must follow the structure the instructor specified.`;
  }
}
