// `npm run migration:generate -- Name`: diff the entities against the database into migrations/.
const { execSync } = require('node:child_process');
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
require('./build-if-needed.js');
execSync(`npx typeorm migration:generate -p -d dist/libs/database/src/cli-data-source.js migrations/${Date.now()}-${name}`, { stdio: 'inherit' });
console.log('Now add the new class to migrations/index.ts, read it and tidy it.');
