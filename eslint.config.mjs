import tseslint from 'typescript-eslint';

/** The domain modules under src/: each reaches another only through its `*.contract.ts` or its module file. */
export const DOMAIN_MODULES = ['assessment', 'certification', 'cohort', 'course', 'identity', 'notification', 'organisation', 'platform', 'privacy', 'reporting'];

/** Only composition roots (the app module, the CLI) may look providers up at run time; everything else states its dependencies. */
const NO_MODULE_REF = { name: '@nestjs/core', importNames: ['ModuleRef'], message: 'Inject what you need; ModuleRef lookups belong to composition roots (src/app.module.ts, src/domain-modules.ts, src/cli).' };

/** The import rule for files of one domain module: another module's internals are out of reach. */
function moduleBoundary(own) {
  const others = DOMAIN_MODULES.filter((m) => m !== own).join('|');
  return {
    files: [`src/${own}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_MODULE_REF],
          patterns: [
            {
              regex: `^(\\.\\./)+(${others})/(?![\\w.-]+\\.(contract|module)$)`,
              message: 'Another module is reached only through its *.contract.ts or its module file (STYLE.md, Modules and boundaries).',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'scripts/**', '**/*.js', '*.mjs', 'web/dist/**', 'web/src/shared/api/schema.gen.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through AppConfig (src/config).' }],
    },
  },
  {
    files: ['src/**/*.ts', 'libs/**/*.ts'],
    ignores: ['src/app.module.ts', 'src/domain-modules.ts', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_MODULE_REF] }] },
  },
  {
    // A promise nobody awaits loses its rejection (an unhandled rejection ends the process) and its
    // ordering; typed linting sees them. `void` marks the few that are deliberately left to run.
    files: ['src/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/src/**/*.{ts,tsx}', 'web/e2e/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  ...DOMAIN_MODULES.map(moduleBoundary),
  {
    // Shared libraries know no domain; the migration CLI's data source is their one composition root.
    files: ['libs/**/*.ts'],
    ignores: ['libs/database/src/cli-data-source.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [NO_MODULE_REF], patterns: [{ regex: '^(\\.\\./)+src/', message: 'Libraries under libs/ carry no domain knowledge: they never import src/.' }] },
      ],
    },
  },
  {
    // Only the configuration (src/config), the entry point, the command lines (the seed, the migration
    // CLI's data source, the benchmarks) and tests read the environment; the web app's build tooling
    // and browser tests too. Everything else is given an AppConfig.
    files: [
      'src/config/**',
      'src/main.ts',
      'src/cli/**',
      'libs/database/src/cli-data-source.ts',
      'bench/**',
      'test/**',
      'libs/testing/**',
      '**/*.spec.ts',
      'web/*.config.ts',
      'web/e2e/**',
      'web/build/**',
      'web/src/**/*.test.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
