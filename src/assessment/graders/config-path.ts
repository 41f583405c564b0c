/**
 * The path language of config rules: a small JSONPath subset.
 *   $                the document
 *   .name  ['name']  a key of an object ('...' for keys with other characters)
 *   [0]              an element of an array
 *   [*]  .*          every element of an array, or every value of an object
 * No filters, no recursive descent, no scripts: a path only walks the parsed data.
 */
export type PathSegment = { key: string } | { index: number } | { wildcard: true };

/** A place the path reached; `value` is undefined when the last key or index is missing there. */
export interface PathNode {
  at: string;
  value: unknown;
}

const MAX_SEGMENTS = 32;
const NAME = /^[A-Za-z_$@-][A-Za-z0-9_$@:-]*/;

export class PathSyntaxError extends Error {}

export function parsePath(path: string): PathSegment[] {
  if (!path.startsWith('$')) throw new PathSyntaxError('a path starts with $');
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length) {
    if (segments.length >= MAX_SEGMENTS) throw new PathSyntaxError(`a path has at most ${MAX_SEGMENTS} steps`);
    let match: RegExpExecArray | null;
    if (rest.startsWith('.*')) {
      segments.push({ wildcard: true });
      rest = rest.slice(2);
    } else if (rest.startsWith('[*]')) {
      segments.push({ wildcard: true });
      rest = rest.slice(3);
    } else if (rest.startsWith('.') && (match = NAME.exec(rest.slice(1)))) {
      segments.push({ key: match[0] });
      rest = rest.slice(1 + match[0].length);
    } else if ((match = /^\[(\d{1,6})\]/.exec(rest))) {
      segments.push({ index: Number(match[1]) });
      rest = rest.slice(match[0].length);
    } else if ((match = /^\['((?:[^'\\]|\\.)*)'\]/.exec(rest))) {
      segments.push({ key: match[1].replace(/\\(.)/g, '$1') });
      rest = rest.slice(match[0].length);
    } else {
      throw new PathSyntaxError(`unexpected "${rest.slice(0, 20)}"`);
    }
  }
  return segments;
}

const own = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every node the path reaches. A wildcard over an empty array or object reaches nothing. */
export function evaluatePath(document: unknown, segments: PathSegment[]): PathNode[] {
  let nodes: PathNode[] = [{ at: '$', value: document }];
  for (const segment of segments) {
    const next: PathNode[] = [];
    for (const node of nodes) next.push(...step(node, segment));
    nodes = next;
  }
  return nodes;
}

function step(node: PathNode, segment: PathSegment): PathNode[] {
  const { value } = node;
  if ('wildcard' in segment) {
    if (Array.isArray(value)) return value.map((v, i) => ({ at: `${node.at}[${i}]`, value: v }));
    if (isObject(value)) return Object.keys(value).map((k) => ({ at: `${node.at}${keyText(k)}`, value: value[k] }));
    return [];
  }
  if ('index' in segment) {
    const found = Array.isArray(value) && segment.index < value.length ? value[segment.index] : undefined;
    return [{ at: `${node.at}[${segment.index}]`, value: found }];
  }
  const found = isObject(value) && own(value, segment.key) ? value[segment.key] : undefined;
  return [{ at: `${node.at}${keyText(segment.key)}`, value: found }];
}

function keyText(key: string): string {
  return /^[A-Za-z_$@-][A-Za-z0-9_$@:-]*$/.test(key) ? `.${key}` : `['${key.replace(/(['\\])/g, '\\$1')}']`;
}
