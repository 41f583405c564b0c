/**
 * Prerequisite edges (item → what it requires) must form a DAG. Answers one cycle as a path of ids
 * (first = last), or null. Iterative DFS so that a long chain cannot overflow the stack.
 */
export function findCycle(edges: Array<[string, string]>): string[] | null {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  for (const start of next.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ node: string; index: number }> = [{ node: start, index: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const targets = next.get(top.node) ?? [];
      if (top.index >= targets.length) {
        state.set(top.node, 'done');
        stack.pop();
        path.pop();
        continue;
      }
      const target = targets[top.index++];
      if (state.get(target) === 'open') return [...path.slice(path.indexOf(target)), target];
      if (!state.has(target)) {
        state.set(target, 'open');
        stack.push({ node: target, index: 0 });
        path.push(target);
      }
    }
  }
  return null;
}
