import type * as yamlModule from 'yaml';

/**
 * The yaml package, required on the first YAML document (a config grader's check or an instructor's
 * configuration rules), not when the api starts: it is a sizeable share of start-up (issue 23.6).
 */
let yaml: typeof yamlModule | undefined;
function yamlLibrary(): typeof yamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy; typed by the module's own types
  yaml ??= require('yaml') as typeof yamlModule;
  return yaml;
}

export type ConfigFormat = 'json' | 'yaml';

export type ParsedConfig = { ok: true; format: ConfigFormat; value: unknown } | { ok: false; format: ConfigFormat; message: string };

export const CONFIG_LIMITS = { bytes: 256 * 1024, depth: 64, nodes: 50_000, aliases: 50 };

/**
 * Reads a submitted configuration as data. JSON.parse and the yaml package (core schema, no custom
 * tags) build plain values only; nothing in the text is ever executed. Size, depth, node count and
 * YAML aliases are bounded so a small text cannot expand into a huge value ("billion laughs").
 */
export function parseConfigDocument(text: string, format: ConfigFormat | 'auto' = 'auto'): ParsedConfig {
  const chosen: ConfigFormat = format === 'auto' ? (/^\s*[[{]/.test(text) ? 'json' : 'yaml') : format;
  if (Buffer.byteLength(text, 'utf8') > CONFIG_LIMITS.bytes) {
    return { ok: false, format: chosen, message: `The document is larger than ${CONFIG_LIMITS.bytes / 1024} KiB.` };
  }
  // Deep flow nesting overflows the parsers' stacks (and has left V8 unable to allocate after): refuse
  // it before parsing. Brackets inside strings count too; 64 levels of them is no real document.
  if (bracketDepth(text) > CONFIG_LIMITS.depth) {
    return { ok: false, format: chosen, message: `The document is nested deeper than ${CONFIG_LIMITS.depth} levels.` };
  }
  let value: unknown;
  try {
    value = chosen === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { ok: false, format: chosen, message: `The ${chosen.toUpperCase()} could not be read: ${(error as Error).message.slice(0, 300)}` };
  }
  const shape = measure(value);
  if (shape) return { ok: false, format: chosen, message: shape };
  return { ok: true, format: chosen, value };
}

function parseYaml(text: string): unknown {
  const document = yamlLibrary().parseDocument(text, { schema: 'core', customTags: [], uniqueKeys: true, merge: false, prettyErrors: false });
  if (document.errors.length) throw new Error(document.errors[0].message.split('\n')[0]);
  return document.toJS({ maxAliasCount: CONFIG_LIMITS.aliases });
}

/** A problem with the parsed value's depth or size, or undefined. Iterative: no recursion to overflow. */
function measure(root: unknown): string | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  let count = 0;
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (++count > CONFIG_LIMITS.nodes) return `The document holds more than ${CONFIG_LIMITS.nodes} values.`;
    if (depth > CONFIG_LIMITS.depth) return `The document is nested deeper than ${CONFIG_LIMITS.depth} levels.`;
    if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return undefined;
}

function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return max;
}
