// One naming scheme (STYLE.md): kebab-case file names, lower case, with a role suffix where one fits.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9-]+)*\.(ts|tsx|js|mjs|json|md|sql|csv|yaml|yml|html|svg|css|po|webmanifest)$/;
// Conventional upper-case documents (README.md, RESULTS.md, RELIABILITY.md) are allowed too.
const DOCUMENT = /^[A-Z]+\.md$/;
const MIGRATION = /^\d{13}-[A-Z][A-Za-z0-9]+\.ts$/;
const bad = [];

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (!(dir.endsWith('migrations') ? MIGRATION.test(entry.name) || entry.name === 'index.ts' : KEBAB.test(entry.name) || DOCUMENT.test(entry.name))) {
      bad.push(path.relative(root, full));
    }
  }
}

for (const dir of ['src', 'libs', 'migrations', 'test', 'bench', 'web/src', 'web/e2e', 'web/build', 'web/public']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
if (bad.length) {
  console.error(`File names must be kebab-case:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
