import { evaluatePath, parsePath, PathNode } from './config-path';
import { ConfigRule } from './config-rules';
import { MAX_SCHEMA_ERRORS, runSchemaCheck } from './json-schema-checks';

export interface RuleResult {
  passed: boolean;
  /** Where the first failing node is (a path in the trainee's own document). */
  at?: string;
  /** For schema rules: one line per schema error (the trainee's feedback lines). */
  errors?: string[];
}

type Range = [number, number];
const ALL_PORTS: Range = [0, 65535];
const WORLD = new Set(['0.0.0.0/0', '::/0']);
const PORT_KEY = /^(port|ports|port_?range|destination_?ports?|destination_?port_?range)$/i;

const missing = (v: unknown) => v === undefined || v === null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function evaluateRule(rule: ConfigRule, document: unknown): RuleResult {
  const nodes = evaluatePath(document, parsePath(rule.path));
  const everyNode = (ok: (value: unknown) => boolean, needsOne: boolean): RuleResult => {
    if (needsOne && nodes.length === 0) return { passed: false, at: rule.path };
    const bad = nodes.find((node: PathNode) => !ok(node.value));
    return bad ? { passed: false, at: bad.at } : { passed: true };
  };
  switch (rule.check) {
    case 'required':
      return everyNode((v) => !missing(v), true);
    case 'absent':
      return everyNode(missing, false);
    case 'equals':
      return everyNode((v) => deepEqual(v, rule.value), true);
    case 'notEquals':
      return everyNode((v) => !deepEqual(v, rule.value), false);
    case 'oneOf':
      return everyNode((v) => !missing(v) && rule.values!.some((allowed) => deepEqual(v, allowed)), true);
    case 'atLeast':
      return everyNode((v) => typeof v === 'number' && v >= (rule.value as number), true);
    case 'atMost':
      return everyNode((v) => typeof v === 'number' && v <= (rule.value as number), true);
    case 'noWildcard':
      return everyNode((v) => !strings(v).some((s) => s.includes('*')), false);
    case 'notOpenToWorld':
      return everyNode((v) => !opensToWorld(v, rule.ports), false);
    case 'encrypted':
      return everyNode(isEnabled, true);
    case 'schema':
      return schemaResult(rule, nodes);
  }
}

/** Every node the path reaches is validated; errors of nodes below the root name the node first. */
function schemaResult(rule: ConfigRule, nodes: PathNode[]): RuleResult {
  if (nodes.length === 0) return { passed: false, at: rule.path, errors: [rule.message] };
  const errors: string[] = [];
  let at: string | undefined;
  for (const node of nodes) {
    const lines = runSchemaCheck({ schema: rule.schema!, messages: rule.messages }, node.value ?? null, node.at === '$' ? '' : node.at);
    if (lines.length && !at) at = node.at;
    errors.push(...lines);
  }
  return errors.length ? { passed: false, at, errors: [...new Set(errors)].slice(0, MAX_SCHEMA_ERRORS) } : { passed: true };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Every string inside a value (the value itself, array elements, object values), depth first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.values(value).flatMap(strings);
  return [];
}

/**
 * Encryption is on when the value is true, a word other than off/none/disabled/false, a non-empty
 * list of such values, or an object whose `enabled` (any case) is true or, without such a key,
 * that holds any setting at all (e.g. `{ SSEAlgorithm: 'aws:kms' }`).
 */
export function isEnabled(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value === 'string') return !['', 'false', 'off', 'no', 'none', 'disabled', '0'].includes(value.trim().toLowerCase());
  if (Array.isArray(value)) return value.length > 0 && value.every(isEnabled);
  if (isObject(value)) {
    const flag = Object.keys(value).find((k) => k.toLowerCase() === 'enabled');
    return flag ? value[flag] === true || value[flag] === 'true' : Object.keys(value).length > 0;
  }
  return false;
}

/** A firewall rule (any shape) open to everyone on one of the ports (any port when none are named). */
export function opensToWorld(rule: unknown, ports?: number[]): boolean {
  if (missing(rule) || !strings(rule).some((s) => WORLD.has(s.trim()))) return false;
  const ranges = portRanges(rule);
  const open = ranges.length ? ranges : [ALL_PORTS];
  if (!ports) return true;
  return ports.some((port) => open.some(([from, to]) => port >= from && port <= to));
}

/** Port ranges named anywhere in the rule: fromPort/toPort pairs and port/ports fields. */
function portRanges(value: unknown): Range[] {
  if (Array.isArray(value)) return value.flatMap(portRanges);
  if (!isObject(value)) return [];
  const ranges: Range[] = [];
  const field = (name: string) => Object.keys(value).find((k) => k.replace(/_/g, '').toLowerCase() === name);
  const from = field('fromport');
  const to = field('toport');
  if (from || to) {
    const low = toPort(value[from ?? to!]);
    const high = toPort(value[to ?? from!]);
    ranges.push(low === undefined || high === undefined || low < 0 || high < 0 ? ALL_PORTS : [low, high]);
  }
  for (const [key, child] of Object.entries(value)) {
    if (PORT_KEY.test(key)) ranges.push(...portValues(child));
    else if (typeof child === 'object') ranges.push(...portRanges(child));
  }
  return ranges;
}

function portValues(value: unknown): Range[] {
  if (Array.isArray(value)) return value.flatMap(portValues);
  if (typeof value === 'number') return value < 0 ? [ALL_PORTS] : [[value, value]];
  if (typeof value !== 'string') return isObject(value) ? portRanges(value) : [];
  const text = value.trim().toLowerCase();
  if (['*', 'all', 'any', '-1'].includes(text)) return [ALL_PORTS];
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  return match ? [[Number(match[1]), Number(match[2] ?? match[1])]] : [ALL_PORTS];
}

function toPort(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
