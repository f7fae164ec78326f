#!/usr/bin/env node
// `npm run accuracy`: compiles scripts/accuracy (as scripts/bench.js does) and prints precision, recall
// and F1 of the duplicate groups on every labelled ledger in test/fixtures.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const built = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.accuracy.json'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const run = spawnSync(process.execPath, [path.join(root, 'dist/accuracy/scripts/accuracy/main.js')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
