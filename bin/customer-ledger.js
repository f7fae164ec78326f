#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on install).
'use strict';
const os = require('node:os');
const { spawnSync } = require('node:child_process');

// A million-row ledger needs more heap than Node's default (about 4 GB): run again with a limit set
// from the machine's memory, unless the user set one.
const heapSet = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-old-space-size'));
if (!heapSet && !process.env.CUSTOMER_LEDGER_CHILD) {
  const mb = Math.max(4096, Math.min(16384, Math.floor((os.totalmem() * 0.75) / 1048576)));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit', env: { ...process.env, CUSTOMER_LEDGER_CHILD: '1' },
  });
  // A child that could not start: run here with the default heap rather than not at all.
  if (!r.error) process.exit(r.status ?? (r.signal ? 1 : 0));
}

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
