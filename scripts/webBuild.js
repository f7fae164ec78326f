// Builds dist/web (webpack --mode production) when it is missing or older than its sources. Used by
// `npm start` and the browser tests, so a fresh clone needs no extra step.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
// Written after each successful build (webpack leaves unchanged files, such as the HTML pages, untouched).
const STAMP = path.join(root, 'dist', 'web', '.built');
const INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.web.json', 'package-lock.json'];

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function isStale() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(root, 'dist', 'web', 'playground.html'))) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.some((i) => fs.existsSync(path.join(root, i)) && newest(path.join(root, i)) > built);
}

/** Returns true when it built, false when dist/web was up to date; throws when the build fails. */
function ensureWebBuild({ quiet = false } = {}) {
  if (!isStale()) return false;
  const webpack = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [webpack, '--mode', 'production'], { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`webpack failed (exit ${run.status}).${quiet ? `\n${run.stdout}\n${run.stderr}` : ''}`);
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

module.exports = { ensureWebBuild, isStale };
