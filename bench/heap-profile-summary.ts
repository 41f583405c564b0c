import { readFileSync } from 'node:fs';

/**
 * Bytes of a `.heapprofile` (sampling heap profiler) by allocating function and by the first
 * frame of the app or a library that is not Node's own: `node dist/bench/heap-profile-summary.js <file> [frames]`.
 */
interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const depth = Number(process.argv[3] ?? 6);
const root: ProfileNode = JSON.parse(readFileSync(process.argv[2], 'utf8')).head;
const byStack = new Map<string, number>();
let total = 0;
const frame = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}:${n.callFrame.lineNumber + 1}`;
function walk(node: ProfileNode, stack: string[]): void {
  const here = [...stack, frame(node)];
  if (node.selfSize) {
    total += node.selfSize;
    const key = here.slice(-depth).reverse().join('\n      ← ');
    byStack.set(key, (byStack.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, here);
}
walk(root, []);
console.log(`total ${(total / 1024).toFixed(0)} KB`);
for (const [stack, bytes] of [...byStack].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${stack}`);
