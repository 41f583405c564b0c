// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist/src/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (name.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'libs', 'migrations', 'bench'].map((d) => path.join(root, d)).filter(fs.existsSync);
const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
const onlyIfMissing = process.argv.includes('--if-missing');
if (!built || (!onlyIfMissing && Math.max(...sources.map(newestSource)) > built)) {
  console.log('[build] compiling TypeScript into dist/ ...');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
