/**
 * Whether a config rule's path is one the config grader reads (parsePath in
 * src/assessment/graders/config-path.ts): `$`, then `.name`, `['name']`, `[0]`, `[*]` or `.*` steps.
 * Returns why not, or undefined when it is.
 */
export function pathSyntaxProblem(path: string): 'start' | 'step' | 'long' | 'steps' | undefined {
  if (path.length > 300) return 'long';
  if (!path.startsWith('$')) return 'start';
  let rest = path.slice(1);
  let steps = 0;
  while (rest.length) {
    if (steps++ >= 32) return 'steps';
    const match = /^(\.\*|\[\*\]|\.[A-Za-z_$@-][A-Za-z0-9_$@:-]*|\[\d{1,6}\]|\['(?:[^'\\]|\\.)*'\])/.exec(rest);
    if (!match) return 'step';
    rest = rest.slice(match[0].length);
  }
  return undefined;
}
