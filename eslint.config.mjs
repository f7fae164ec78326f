// typescript-eslint for the language, eslint-plugin-office-addins for Office.js discipline (a sync in a
// loop, a read before load). The plugin's own "recommended" preset also enforces prettier formatting,
// which this project does not use, so its rules are listed here one by one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

/**
 * The house's layering (docs/ARCHITECTURE.md): each entry is a dependency that must never exist. Matched
 * on the import's own text — a relative path climbing out to another folder of src/, or a package
 * name — in static imports, type imports, re-exports and import(). test/layering.test.ts lints a
 * forbidden import for each entry and expects the error.
 */
/** A relative import that climbs out of its folder into src/<folder> ("../workbook/excel/x", "../../sim"). */
const into = (folders) => `^(\\.\\./)+(${folders})(/|$)`;
const pkg = (names) => `^(${names})(/|$)`;
export const LAYERS = [
  {
    files: ['src/core/**'],
    why: 'src/core is the pure engine: it runs in the pane, the CLI and workers alike',
    forbid: [into('workbook|sim|taskpane|addin|commands|playground|cli|actions'), '^node:', pkg('fs|path|os|zlib|child_process|worker_threads'),
      pkg('exceljs'), pkg('react|react-dom'), '^@fluentui/'],
  },
  { files: ['src/actions/**'], why: 'actions are written once against the port (src/workbook/port.ts), never an adapter', forbid: [into('workbook/excel|workbook/xlsx|sim')] },
  { files: ['src/taskpane/**'], why: 'the pane runs in Excel: no file library, no simulator (the playground brings that)', forbid: [pkg('exceljs'), into('sim')] },
  { files: ['src/commands/**'], why: 'the ribbon stands beside the pane on src/addin, it does not import the pane', forbid: [into('taskpane')] },
  { files: ['src/workbook/excel/**'], why: 'the Office.js adapter runs against Office.js; the simulator stands in for it only in tests and the playground', forbid: [into('sim')] },
  { files: ['src/addin/**'], why: 'the shell shared by the pane and the ribbon holds no React and no pane', forbid: [pkg('react|react-dom'), '^@fluentui/', into('taskpane')] },
];

function layering() {
  // esquery cannot read a "/" inside a regular expression, so import() selectors spell it \u002F.
  const inSelector = (regex) => regex.replaceAll('/', '\\u002F');
  return LAYERS.map(({ files, why, forbid }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: forbid.map((regex) => ({ regex, caseSensitive: true, message: `${why}.` })) }],
      'no-restricted-syntax': ['error', ...forbid.map((regex) => ({ selector: `ImportExpression[source.value=/${inSelector(regex)}/]`, message: `${why}.` }))],
    },
  }));
}

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
    // The .xlsx package code (files, CLI, the playground's file reader) and the simulator that implements the API are not Office.js callers;
    // the plugin's heuristics (any get*() is a proxy) misfire there.
    files: ['src/workbook/xlsx/**', 'src/cli/**', 'src/sim/**', 'src/playground/**', 'test/**', 'scripts/**'],
    rules: {
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/call-sync-after-load': 'off',
    },
  },
  ...layering(),
  {
    // The engine runs in the task pane, the CLI and workers alike: no Node, Office, DOM or file libraries.
    files: ['src/core/**'],
    rules: {
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
