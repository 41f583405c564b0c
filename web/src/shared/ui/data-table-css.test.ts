// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');
const SHARED_CLASSES = /^\.(data-table|table-scroll)/;

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Every selector of a stylesheet (comments dropped, at-rule preludes skipped), trimmed. */
function selectorsOf(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const selectors: string[] = [];
  for (const match of text.matchAll(/([^{};]+)\{/g)) {
    const prelude = match[1].trim();
    if (prelude.startsWith('@')) continue;
    selectors.push(...prelude.split(',').map((s) => s.trim()).filter(Boolean));
  }
  return selectors;
}

describe('the shared table classes', () => {
  it('finds the selectors of a stylesheet, inside media queries too', () => {
    expect(selectorsOf('/* .data-table */ .a, .b td {x:1} @media print { .table-scroll--x { y: 2 } }')).toEqual(['.a', '.b td', '.table-scroll--x']);
  });

  // A class is global once any screen's stylesheet has loaded: a feature's own `.data-table` rule
  // would restyle every other screen's tables. Differences are modifiers in shared/ui/data-table.css.
  it('are defined in shared/ui only: no feature stylesheet has a selector starting with .data-table or .table-scroll', () => {
    const offending = stylesheets(join(SRC, 'features')).flatMap((file) =>
      selectorsOf(readFileSync(file, 'utf8'))
        .filter((selector) => SHARED_CLASSES.test(selector))
        .map((selector) => `${relative(SRC, file)}: ${selector}`),
    );
    expect(offending).toEqual([]);
  });
});
