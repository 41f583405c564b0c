// Builds dist/ (the server) and web/dist/ (the web app) when missing or older than their sources, so `npm start` works on a fresh clone.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const onlyIfMissing = process.argv.includes('--if-missing');

function newestSource(dir, extensions) {
  let newest = 0;
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(full, extensions));
    else if (extensions.some((ext) => name.name.endsWith(ext))) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfStale({ label, entry, sources, files = [], extensions, script }) {
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  const dirs = sources.map((d) => path.join(root, d)).filter(fs.existsSync);
  const newest = Math.max(0, ...dirs.map((d) => newestSource(d, extensions)), ...files.map((f) => path.join(root, f)).filter(fs.existsSync).map((f) => fs.statSync(f).mtimeMs));
  if (!built || (!onlyIfMissing && newest > built)) {
    console.log(`[build] ${label} ...`);
    execSync(`npm run ${script}`, { cwd: root, stdio: 'inherit' });
  }
}

buildIfStale({
  label: 'compiling TypeScript into dist/',
  entry: path.join(root, 'dist/src/main.js'),
  sources: ['src', 'libs', 'migrations', 'bench'],
  extensions: ['.ts'],
  script: 'build:server',
});
buildIfStale({
  label: 'building the web app into web/dist/',
  entry: path.join(root, 'web/dist/index.html'),
  sources: ['web/src', 'web/public', 'web/build'],
  files: ['web/index.html', 'web/vite.config.ts', 'web/package.json'],
  extensions: ['.ts', '.tsx', '.css', '.po', '.svg', '.js', '.webmanifest', '.html'],
  script: 'build:web',
});
