// Builds the browser bundles when they are missing or older than their sources, so a fresh clone needs
// no extra step. Two builds of the same webpack config, in their own folders:
//   production  dist/web       `npm start`, `npm run playground`, `npm run bundle-size` (what ships)
//   test        dist/web-test  the browser tests: the same entries, pages and CSP, in development mode
//                              (no minifier, so a rebuild after an edit takes seconds, not a minute)
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.web.json', 'package-lock.json'];
const TARGETS = {
  production: { dir: path.join(root, 'dist', 'web'), mode: 'production' },
  test: { dir: path.join(root, 'dist', 'web-test'), mode: 'development' },
};
// Written after each successful build (webpack leaves unchanged files, such as the HTML pages, untouched).
const STAMP = '.built';

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function targetOf(name) {
  const t = TARGETS[name];
  if (!t) throw new Error(`unknown web build "${name}" (production or test)`);
  return t;
}

/** True when the target's folder is missing, incomplete, or older than any of its sources. */
function isStale(target = 'production') {
  const { dir } = targetOf(target);
  const stamp = path.join(dir, STAMP);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(dir, 'playground.html'))) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return INPUTS.some((i) => fs.existsSync(path.join(root, i)) && newest(path.join(root, i)) > built);
}

function webpack(mode, outDir, quiet) {
  const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, '--mode', mode, '--output-path', outDir], { cwd: root, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (run.status === 0) return;
  // Quiet: the output was captured; its errors, not webpack's list of assets, say what went wrong.
  const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
  const errors = output.indexOf('ERROR');
  const detail = quiet ? `\n${(errors >= 0 ? output.slice(errors) : output).trim().slice(0, 4000)}` : '';
  throw new Error(`webpack --mode ${mode} failed (exit ${run.status}).${detail}`);
}

/**
 * Builds `target` when it is stale. Returns true when it built, false when it was up to date; throws
 * when the build fails. The test build is made in a folder of its own and then swapped in, so a test
 * run serving the previous one never sees half a build.
 */
function ensureWebBuild({ quiet = false, target = 'production' } = {}) {
  if (!isStale(target)) return false;
  const { dir, mode } = targetOf(target);
  // The stamp carries the time the build started: a source saved during the build makes it stale.
  const started = new Date();
  const stamp = (out) => {
    const file = path.join(out, STAMP);
    fs.writeFileSync(file, `${started.toISOString()} ${mode}\n`);
    fs.utimesSync(file, started, started);
  };
  if (target === 'production') {
    webpack(mode, dir, quiet);
    stamp(dir);
    return true;
  }
  const fresh = `${dir}.new-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  try {
    webpack(mode, fresh, quiet);
    stamp(fresh);
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(fresh, dir);
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  return true;
}

module.exports = { ensureWebBuild, isStale, TARGETS };
