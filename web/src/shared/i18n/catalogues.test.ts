import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webRoot = path.resolve(import.meta.dirname, '../../..');
const committed = (locale: string, catalogue = 'messages') => readFileSync(path.join(webRoot, 'src/shared/i18n/locales', locale, `${catalogue}.po`), 'utf8');
// messages: the first screens' catalogue; staff: the staff and reviewer screens'; careers: the trainees'
// career screens'; trainee: the trainees' screens after home (lingui.config.ts).
const CATALOGUES = ['messages', 'staff', 'careers', 'trainee'];

/** msgid → msgstr of a .po file (single-line entries, as lingui writes them). */
function entries(po: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of po.matchAll(/^msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"$/gm)) if (match[1]) result.set(match[1], match[2]);
  return result;
}

describe('message catalogues', () => {
  it('hold every message of the source (run `npm run i18n:extract -w web` after adding one)', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'gds-lingui-'));
    execFileSync(path.join(webRoot, '../node_modules/.bin/lingui'), ['extract', '--clean'], { cwd: webRoot, env: { ...process.env, LINGUI_CATALOGUE_ROOT: scratch }, stdio: 'pipe' });
    for (const catalogue of CATALOGUES) {
      const fresh = [...entries(readFileSync(path.join(scratch, `en/${catalogue}.po`), 'utf8')).keys()].sort();
      expect([...entries(committed('en', catalogue)).keys()].sort()).toEqual(fresh);
      expect([...entries(committed('es', catalogue)).keys()].sort()).toEqual(fresh);
    }
  }, 120_000);

  it('have a Spanish translation for every message', () => {
    const missing = CATALOGUES.flatMap((catalogue) => [...entries(committed('es', catalogue))].filter(([, translation]) => !translation).map(([id]) => `${catalogue}: ${id}`));
    expect(missing).toEqual([]);
  });
});
