// Browser bundles: the engine (checks src/core stays browser-pure), the task pane (taskpane.html, loads
// office.js from Microsoft's CDN), the ribbon function file (commands.html) and the playground (the pane
// beside the simulator; no office.js, no network). `webpack serve` is the HTTPS dev server for Excel.
const path = require('path');
const fs = require('fs');
const os = require('os');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const devServerAt = require('./scripts/devServer');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * CSP: scripts, images and fetches from this server only (the pane also loads office.js from Microsoft's
 * CDN). Styles also allow 'unsafe-inline': Fluent UI (Griffel) writes its CSS into <style> elements at run
 * time, which a static page cannot cover with a hash or a per-response nonce. No inline scripts, no eval.
 */
function csp(withOffice) {
  const office = withOffice ? ' https://appsforoffice.microsoft.com' : '';
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function page({ title, withOffice, chunks, filename }) {
  return new HtmlWebpackPlugin({
    filename,
    chunks,
    scriptLoading: 'defer',
    inject: 'head',
    templateContent: `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <meta http-equiv="Content-Security-Policy" content="${csp(withOffice)}" />
  <title>${title}</title>
  <link rel="icon" href="data:," />
  <style>html, body, #root { height: 100%; margin: 0; }</style>
  ${withOffice ? `<script src="${OFFICE_JS}"></script>` : ''}
</head>
<body>
  <div id="root"></div>
</body>
</html>
`,
  });
}

function devCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (_env, argv = {}) => {
  const serving = Boolean(process.env.WEBPACK_SERVE);
  return {
    mode: argv.mode ?? 'production',
    target: 'web',
    entry: {
      engine: { import: './src/core/index.ts', library: { name: 'CustomerLedgerEngine', type: 'umd' } },
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      playground: './src/playground/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist/web'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      assetModuleFilename: 'assets/[name][ext]',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: {} },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json', transpileOnly: true } },
      ],
    },
    plugins: [
      page({ filename: 'taskpane.html', title: 'Customer Ledger', withOffice: true, chunks: ['taskpane'] }),
      page({ filename: 'commands.html', title: 'Customer Ledger commands', withOffice: true, chunks: ['commands'] }),
      page({ filename: 'playground.html', title: 'Customer Ledger playground', withOffice: false, chunks: ['playground'] }),
      page({ filename: 'index.html', title: 'Customer Ledger playground', withOffice: false, chunks: ['playground'] }),
    ],
    optimization: {
      minimizer: [new TerserPlugin({ extractComments: false, terserOptions: { compress: { passes: 1 } } })],
    },
    // Rebuilds (npm start, the browser tests) reuse the previous build's work.
    cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
    performance: { hints: false },
    devtool: false,
    devServer: serving ? {
      host: devServerAt.host,
      port: devServerAt.port,
      server: devCerts() ? { type: 'https', options: devCerts() } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'assets'), publicPath: '/assets' },
      client: { overlay: false },
      hot: false,
    } : undefined,
  };
};
