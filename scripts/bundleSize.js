#!/usr/bin/env node
// Gzipped size of what taskpane.html loads first: every local <script> the page references (the
// entry's initial chunks). Chunks loaded later with import() are listed apart. Budget: 350 KB (DESIGN).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_KB = 350;
const dist = path.resolve(__dirname, '..', 'dist', 'web');

function gz(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function measure(page = 'taskpane.html') {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const initial = scripts.map((src) => ({ file: src, bytes: gz(path.join(dist, src.replace(/^\.?\//, ''))) }));
  const lazyDir = path.join(dist, 'chunks');
  const lazy = fs.existsSync(lazyDir) ? fs.readdirSync(lazyDir).filter((f) => f.endsWith('.js')).map((f) => ({ file: `chunks/${f}`, bytes: gz(path.join(lazyDir, f)) })) : [];
  return { initial, totalKB: initial.reduce((a, x) => a + x.bytes, 0) / 1024, lazy };
}

if (require.main === module) {
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    console.error('dist/web/taskpane.html not found: run `npm run build:web` first.');
    process.exit(2);
  }
  const { initial, totalKB, lazy } = measure();
  for (const x of initial) console.log(`  ${x.file}  ${(x.bytes / 1024).toFixed(1)} KB gzipped`);
  console.log(`Task pane first load: ${totalKB.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
  console.log('Loaded later with import() (by any page: the xlsxReader chunk is the playground\'s file reader):');
  for (const x of lazy) console.log(`  ${x.file}  ${(x.bytes / 1024).toFixed(1)} KB gzipped`);
  process.exit(totalKB <= BUDGET_KB ? 0 : 1);
}

module.exports = { measure, BUDGET_KB };
