// typescript-eslint for the language, eslint-plugin-office-addins for Office.js discipline (a sync in a
// loop, a read before load). The plugin's own "recommended" preset also enforces prettier formatting,
// which this project does not use, so its rules are listed here one by one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'scratch/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // exceljs code (files, CLI, the playground's file reader) and the simulator that implements the API are not Office.js callers;
    // the plugin's heuristics (any get*() is a proxy) misfire there.
    files: ['src/workbook/xlsx/**', 'src/cli/**', 'src/sim/**', 'src/playground/**', 'test/**', 'scripts/**'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
  {
    // The engine runs in the task pane, the CLI and workers alike: no Node, Office, DOM or file libraries.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'exceljs', 'react', 'react-dom', '@fluentui/*', '../workbook/*', '../cli/*'] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'Office', 'Excel', 'document', 'window', 'navigator', '__dirname'],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    // TypeScript itself checks undefined names (typescript-eslint's advice).
    rules: { 'no-undef': 'off' },
  },
  {
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', __filename: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
