// ESLint flat config: typescript-eslint strict rules, regexp safety (detectors run regexes on
// untrusted customer data), and the dependency directions of DESIGN.md as import restrictions.
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.bench-tmp/**', 'node_modules/**', 'coverage/**', 'fixtures/sources/**', 'stitchscan-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/{profile,identity,keys,graph,score,report,model}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:fs', 'node:fs/*', 'fs'], message: 'Only sources/ reads files (DESIGN.md).' },
        { group: ['**/cli/**', '../cli'], message: 'Library code must not depend on the CLI.' },
      ] }],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/profile/**', '**/keys/**', '**/graph/**', '**/score/**', '**/sources/**'], message: 'Renderers read report data only.' },
      ] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../*/**', '../model', '../errors', '../version'], message: 'The CLI uses the public API (../index) only.' },
      ] }],
    },
  },
);
