/** Jest over SWC (decorator metadata on). NestJS 12 and a few dependencies ship ESM, so they are transformed too. */
const fs = require('node:fs');
const path = require('node:path');

// Packages whose entry is ESM must be transformed; find them rather than list them by hand.
function esmPackages() {
  const root = path.join(__dirname, 'node_modules');
  const names = [];
  for (const entry of fs.readdirSync(root)) {
    const scoped = entry.startsWith('@') ? fs.readdirSync(path.join(root, entry)).map((n) => `${entry}/${n}`) : [entry];
    for (const name of scoped) {
      try {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8'));
        if (pkg.type === 'module') names.push(name);
      } catch {
        // not a package
      }
    }
  }
  return [...names, ...LOADS_ESM_DYNAMICALLY].map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
}

// CommonJS packages that import() an ESM dependency: jest's VM refuses a native dynamic import, so
// they are transformed too (swc turns the import() into a require of the transformed dependency).
const LOADS_ESM_DYNAMICALLY = ['@fastify/cookie'];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        // A separate map (jest keeps it beside the cached file and maps stack traces with it), not
        // @swc/jest's default inline one: inline maps were 65 % of the cached code's bytes, read and
        // scanned again by every test file that loads the app.
        sourceMaps: true,
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages().join('|')})/)`],
  moduleNameMapper: {
    '^@gds/(database|queue|http|testing|time)$': '<rootDir>/libs/$1/src',
  },
  // A per-test ceiling against hangs, not a budget: tests wait for conditions with their own
  // deadlines, and a loaded CI machine (load 7 on 2 cores) runs them several times slower.
  testTimeout: 600_000,
  // Three files at a time on two cores: the server's files spend much of their time waiting (Postgres,
  // timers, child apps), and a third worker fills it. Measured on 2 × AMD EPYC, idle at the start:
  // `npm run test:server` 735 s of wall clock with 3, against 953 s with 2 in that day's CI run
  // (bench/findings/citime.md).
  maxWorkers: process.env.JEST_WORKERS ?? 3,
  setupFiles: ['<rootDir>/test/support/jest/setup-each-file.js'],
  // Every server and child app a test starts is recorded; the teardown fails the run if one outlives it.
  globalSetup: '<rootDir>/test/support/jest/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/jest/duration-reporter.js'],
};
