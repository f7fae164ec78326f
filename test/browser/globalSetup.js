// Once per jest run that includes the browser suite: build dist/web-test when its sources changed
// (never twice in one run, whatever the suite does), unless the suite cannot run for want of Chromium.
// A failed build fails the browser suite (through BUILD_ERROR), not the whole run: the other suites
// still report.
'use strict';
const { ensureWebBuild } = require('../../scripts/webBuild.js');
const { browserMissing } = require('./chromium.js');

const BUILD_ERROR = 'LEDGER_WEB_TEST_BUILD_ERROR';

module.exports = async function buildPlaygroundForTests() {
  delete process.env[BUILD_ERROR];
  if (browserMissing()) return;
  const started = Date.now();
  try {
    if (ensureWebBuild({ quiet: true, target: 'test' })) console.log(`\nbrowser tests: built dist/web-test in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    process.env[BUILD_ERROR] = e instanceof Error ? e.message : String(e);
  }
};
module.exports.BUILD_ERROR = BUILD_ERROR;
