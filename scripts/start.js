#!/usr/bin/env node
// `npm start`. Today the product is the engine and its CLI: this analyzes the bundled sample ledger
// (assets/sample-customers.xlsx) and prints what the add-in will tell the user. The task pane,
// dev server and playground replace this script when they land (see README, "Status").
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(root, 'dist/cli/main.js'))) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const file = process.argv[2] ?? path.join(root, 'assets/sample-customers.xlsx');
console.log(`Customer Ledger — analyzing ${path.relative(process.cwd(), file) || file}\n`);
const run = spawnSync(process.execPath, [path.join(root, 'bin/customer-ledger.js'), 'analyze', file, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
