import tseslint from 'typescript-eslint';

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
    // Configuration, entry points (the web app's build and browser tests too), the migration CLI, tests and benchmarks may read the environment.
    files: ['**/*config*.ts', '**/main.ts', '**/cli-data-source.ts', 'test/**', 'libs/testing/**', 'bench/**', 'src/cli/**', 'web/e2e/**', 'web/build/**', 'web/src/**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
