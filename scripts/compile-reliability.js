// posttest: compiles the figures the proof tests wrote (test-artifacts/reliability/*.json) into bench/RELIABILITY.md.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'test-artifacts/reliability');
const records = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
  : [];
if (records.length === 0) {
  console.log('no reliability figures recorded; bench/RELIABILITY.md left as it is');
  process.exit(0);
}
// Tables of tests not run this time (e.g. `npm run test:faults` alone) are kept from the previous file.
const target = path.join(root, 'bench/RELIABILITY.md');
const fresh = new Set(records.map((r) => r.name));
const kept = fs.existsSync(target)
  ? fs.readFileSync(target, 'utf8').split(/\n(?=## )/).slice(1)
      .map((text) => ({ name: (/^`([^`]+)`, recorded/m.exec(text) || [])[1], text: text.trimEnd() + '\n' }))
      .filter((section) => section.name && !fresh.has(section.name))
  : [];
records.push(...kept.map((section) => ({ name: section.name, text: section.text })));
records.sort((a, b) => a.name.localeCompare(b.name));
const lines = [
  '# Reliability figures',
  '',
  'Compiled by `npm test` (posttest: scripts/compile-reliability.js) from the figures the proof tests record in',
  '`test-artifacts/reliability/`. Each table is from the latest run of its test.',
  '',
];
for (const record of records) {
  if (record.text) {
    lines.push(record.text);
    continue;
  }
  lines.push(`## ${record.title}`, '', `\`${record.name}\`, recorded ${record.recordedAt}`, '', '| figure | value | must be |', '| --- | --- | --- |');
  for (const f of record.figures) {
    const ok = f.expected === undefined ? '' : String(f.value) === String(f.expected) ? ' ✓' : ' ✗';
    lines.push(`| ${f.label} | ${f.value} | ${f.expected === undefined ? '' : `${f.expected}${ok}`} |`);
  }
  lines.push('');
}
fs.writeFileSync(target, lines.join('\n'));
console.log(`bench/RELIABILITY.md: ${records.length} table(s)`);
