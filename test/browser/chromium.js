// What the browser suite needs from the machine: Debian's Chromium, and a Chinese font so the
// screenshots show Chinese text instead of boxes.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium fonts-wqy-microhei';

function hasChineseFont() {
  const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return list.status === 0 && list.stdout.trim() !== '';
}

/** Why the browser suite cannot run here, in words for the person at the terminal; null when it can. */
function browserMissing() {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} not found: the browser tests drive Debian's Chromium. Install it with \`${INSTALL}\` (or run \`npm run test:fast\` to leave the browser suite out).`;
  if (!hasChineseFont()) return `No Chinese font found (fc-list :lang=zh): the screenshots would show boxes. Install one with \`${INSTALL}\` (or run \`npm run test:fast\` to leave the browser suite out).`;
  return null;
}

module.exports = { CHROMIUM, browserMissing };
