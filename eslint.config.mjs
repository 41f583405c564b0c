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
    // Configuration, entry points (the web app's build and browser tests too), the migration CLI, tests and benchmarks may read the environment.
    files: ['**/*config*.ts', '**/main.ts', '**/cli-data-source.ts', 'test/**', 'libs/testing/**', 'bench/**', 'src/cli/**', 'web/e2e/**', 'web/build/**', 'web/src/**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
