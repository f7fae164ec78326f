#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
'use strict';
let main;
try {
  ({ main } = require('../dist/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write('customer-ledger: not built yet. Run `npm install` (or `npm run build`) first.\n');
    process.exit(1);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
