#!/usr/bin/env node
// `npm start`.
//  - Where Excel can run (Windows, macOS): Office dev certificates, then `office-addin-debugging start`
//    (through npx, not a dependency) runs the HTTPS dev server (`npm run dev-server`) and sideloads
//    manifest.xml into Excel. Set LEDGER_PLAYGROUND=1 to skip this.
//  - Otherwise, or when that fails: builds dist/web if needed and serves the playground (the real pane
//    beside a simulated workbook) on http://127.0.0.1:3000/ (or --port N), printing the URL.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { ensureWebBuild } = require('./webBuild');
const { serve, portArg } = require('./serve');
const devServer = require('./devServer');

const root = path.resolve(__dirname, '..');
const win = process.platform === 'win32';

function npx(args) {
  return spawnSync('npx', ['--yes', ...args], { cwd: root, stdio: 'inherit', shell: win });
}

function sideload() {
  console.log('Installing the Office development certificates (office-addin-dev-certs)…');
  const certs = npx(['office-addin-dev-certs', 'install']);
  if (certs.status !== 0) return false;
  console.log(`Starting the HTTPS dev server on ${devServer.protocol}://${devServer.host}:${devServer.port}/ and sideloading manifest.xml…`);
  const run = npx(['office-addin-debugging', 'start', 'manifest.xml', '--dev-server', 'npm run dev-server', '--dev-server-port', String(devServer.port)]);
  return run.status === 0;
}

async function playground() {
  console.log('Building the playground (dist/web) when it is out of date…');
  ensureWebBuild();
  const wanted = portArg(process.argv.slice(2));
  let started;
  try {
    started = await serve({ port: wanted });
  } catch (err) {
    if (err.code !== 'EADDRINUSE') throw err;
    console.log(`Port ${wanted} is in use; picking a free one.`);
    started = await serve({ port: 0 });
  }
  console.log(`\nCustomer Ledger playground: ${started.url}`);
  console.log('The task pane runs beside a simulated workbook with the sample ledger; "Open .xlsx" loads your own (it stays in the browser).');
  console.log('Press Ctrl+C to stop.');
}

(async () => {
  const excelHere = (process.platform === 'win32' || process.platform === 'darwin') && process.env.LEDGER_PLAYGROUND !== '1';
  if (excelHere) {
    if (sideload()) return;
    console.log('\nSideloading did not work; serving the playground instead.');
  }
  await playground();
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
