// The domain modules under src/ must depend on each other without a cycle (STYLE.md, Modules and
// boundaries): a cycle means one side should hear an event, or declare a port the composition root
// binds. Edges are read from import and export-from statements, type-only ones included.
const fs = require('node:fs');
const path = require('node:path');

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Module name → the other modules it imports, for each folder of `srcDir` (a module). */
function moduleGraph(srcDir) {
  const modules = fs.readdirSync(srcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  const graph = new Map(modules.map((m) => [m, new Set()]));
  for (const own of modules) {
    for (const file of filesUnder(path.join(srcDir, own))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2];
        if (!specifier.startsWith('.')) continue;
        const [first] = path.relative(srcDir, path.resolve(path.dirname(file), specifier)).split(path.sep);
        if (first !== own && graph.has(first)) graph.get(own).add(first);
      }
    }
  }
  return graph;
}

/** Every elementary cycle found by a depth-first search, each as a path that returns to its start. */
function findCycles(graph) {
  const cycles = [];
  const state = new Map();
  const stack = [];
  function visit(node) {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  }
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

module.exports = { moduleGraph, findCycles };

if (require.main === module) {
  const cycles = findCycles(moduleGraph(path.resolve(__dirname, '..', 'src')));
  if (cycles.length) {
    console.error(`Modules under src/ import each other in a cycle:\n  ${cycles.map((c) => c.join(' → ')).join('\n  ')}`);
    process.exit(1);
  }
}
