import { readFileSync } from 'node:fs';

/**
 * Compares heap snapshots by object id (ids are stable within one process) to find what requests
 * leave behind: `node dist/bench/heap-snapshot-diff.js before.heapsnapshot after.heapsnapshot [later.heapsnapshot]`.
 * Prints, by constructor, the objects new in `after` (not in `before`), split into those gone by
 * `later` (lived a while, then died: what gets promoted and costs mark-compacts) and those still
 * there (kept), and one retainer chain for a sample of the largest groups. See bench/gc-promotion.ts.
 */
interface Snapshot {
  ids: Map<number, number>;
  nodes: number[];
  edges: number[];
  strings: string[];
  nodeFields: number;
  edgeFields: number;
  nodeTypes: string[];
  edgeTypes: string[];
  firstEdge: number[];
}

function load(file: string): Snapshot {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const meta = raw.snapshot.meta;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const nodes: number[] = raw.nodes;
  const ids = new Map<number, number>();
  const firstEdge: number[] = [];
  let edge = 0;
  for (let i = 0; i < nodes.length; i += nodeFields) {
    ids.set(nodes[i + 2], i);
    firstEdge.push(edge);
    edge += nodes[i + 4] * edgeFields;
  }
  firstEdge.push(edge);
  return { ids, nodes, edges: raw.edges, strings: raw.strings, nodeFields, edgeFields, nodeTypes: meta.node_types[0], edgeTypes: meta.edge_types[0], firstEdge };
}

function label(s: Snapshot, index: number): string {
  const type = s.nodeTypes[s.nodes[index]];
  const name = s.strings[s.nodes[index + 1]];
  if (type === 'object' || type === 'closure' || type === 'native') return `${type === 'object' ? '' : type + ' '}${name}`;
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'number') return `(${type})`;
  return `(${type}) ${name.slice(0, 60)}`;
}

function groups(s: Snapshot, indexes: number[]): Array<[string, number, number]> {
  const byLabel = new Map<string, [number, number]>();
  for (const i of indexes) {
    const entry = byLabel.get(label(s, i)) ?? [0, 0];
    entry[0]++;
    entry[1] += s.nodes[i + 3];
    byLabel.set(label(s, i), entry);
  }
  return [...byLabel].map(([k, [n, bytes]]) => [k, n, bytes] as [string, number, number]).sort((a, b) => b[2] - a[2]);
}

/** One path of strong references from a root to the node, found breadth-first over reversed edges. */
function retainerChain(s: Snapshot, target: number, retainers: Map<number, Array<[number, string]>>): string {
  const chain: string[] = [];
  let at = target;
  const seen = new Set<number>([at]);
  for (let depth = 0; depth < 14; depth++) {
    const from = (retainers.get(at) ?? []).find(([r]) => !seen.has(r));
    if (!from) break;
    chain.push(`${from[1]} ← ${label(s, from[0])}`);
    seen.add(from[0]);
    at = from[0];
  }
  return chain.join('\n      ');
}

function reverseEdges(s: Snapshot): Map<number, Array<[number, string]>> {
  const retainers = new Map<number, Array<[number, string]>>();
  const nameOrIndex = s.edgeTypes.indexOf('element');
  for (let n = 0, node = 0; node < s.nodes.length; n++, node += s.nodeFields) {
    for (let e = s.firstEdge[n]; e < s.firstEdge[n + 1]; e += s.edgeFields) {
      const type = s.edgeTypes[s.edges[e]];
      if (type === 'weak' || type === 'shortcut') continue;
      const edgeName = s.edges[e] === nameOrIndex || type === 'hidden' ? `[${s.edges[e + 1]}]` : s.strings[s.edges[e + 1]];
      const to = s.edges[e + 2];
      const list = retainers.get(to) ?? [];
      list.push([node, `${type}:${edgeName}`]);
      retainers.set(to, list);
    }
  }
  return retainers;
}

function print(title: string, s: Snapshot, indexes: number[], retainers?: Map<number, Array<[number, string]>>): void {
  const all = groups(s, indexes);
  const total = all.reduce((sum, g) => sum + g[2], 0);
  console.log(`\n${title}: ${indexes.length} objects, ${(total / 1024).toFixed(0)} KB`);
  for (const [name, n, bytes] of all.slice(0, 30)) console.log(`  ${String(n).padStart(7)} ${(bytes / 1024).toFixed(1).padStart(9)} KB  ${name}`);
  if (!retainers) return;
  for (const [name] of all.slice(0, 8)) {
    const sample = indexes.find((i) => label(s, i) === name)!;
    console.log(`\n  a ${name}:\n      ${retainerChain(s, sample, retainers)}`);
  }
}

function main(): void {
  const [beforeFile, afterFile, laterFile] = process.argv.slice(2);
  const before = load(beforeFile);
  const after = load(afterFile);
  const later = laterFile ? load(laterFile) : undefined;
  const fresh = [...after.ids].filter(([id]) => !before.ids.has(id)).map(([, i]) => i);
  const retainers = reverseEdges(after);
  if (!later) return print('new since before', after, fresh, retainers);
  print('new since before, gone by later (lived a while)', after, fresh.filter((i) => !later.ids.has(after.nodes[i + 2])), retainers);
  print('new since before, still there later (kept)', after, fresh.filter((i) => later.ids.has(after.nodes[i + 2])), retainers);
}

main();
