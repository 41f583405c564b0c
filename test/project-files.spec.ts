import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../src/config/app-config';
import { MIGRATIONS } from '../migrations';

const root = join(__dirname, '..');

describe('project files stay true', () => {
  it('documents every configuration variable in the README table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documented = new Set(
      readme
        .split('\n')
        .filter((line) => line.startsWith('| '))
        .flatMap((line) => line.split('|')[1].split('/').map((name) => name.trim())),
    );
    const missing = Object.keys(new AppConfig()).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('lists every migration file once, in timestamp order', () => {
    const files = readdirSync(join(root, 'migrations'))
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .sort();
    const listed = MIGRATIONS.map((m) => m.name);
    const expected = files.map((f) => {
      const [, stamp, name] = /^(\d{13})-(.+)\.ts$/.exec(f)!;
      return `${name}${stamp}`;
    });
    expect(listed).toEqual(expected);
  });
});
