#!/usr/bin/env node
// A tiny static server for the built playground (dist/web) on 127.0.0.1. `/` is the playground.
//   npm run playground -- --port 8080
// Also used by the browser tests: require('./serve').serve({ port: 0 }) → { server, url }.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', 'dist', 'web');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function handler(root) {
  return (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === '/') pathname = '/playground.html';
    const file = path.resolve(root, `.${pathname}`);
    if (!file.startsWith(root + path.sep) || req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': st.size, 'Cache-Control': 'no-cache' });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}

/** Starts the server; port 0 picks a free one. */
function serve({ port = 0, host = '127.0.0.1', root = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handler(root));
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve({ server, url: `http://${host}:${addr.port}/` });
    });
  });
}

function portArg(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return 3000;
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`--port needs a number from 0 to 65535 (got "${v}")`);
    process.exit(2);
  }
  return n;
}

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, 'playground.html'))) {
    console.error('dist/web/playground.html not found: run `npm run build:web` first (npm start builds it).');
    process.exit(2);
  }
  serve({ port: portArg(process.argv.slice(2)) }).then(({ url }) => {
    console.log(`Customer Ledger playground: ${url}`);
    console.log('Press Ctrl+C to stop.');
  }, (err) => {
    console.error(`Could not start the server: ${err.message}`);
    process.exit(1);
  });
}

module.exports = { serve, portArg };
