// Browser bundle of the engine (src/core): proves the core has no Node dependency and shows what the
// task pane will pay for it. The task pane and playground entries join this config with their issue.
const path = require('path');

module.exports = (_env, argv) => ({
  mode: argv.mode ?? 'production',
  target: 'web',
  entry: { engine: './src/core/index.ts' },
  output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', library: { name: 'CustomerLedgerEngine', type: 'umd' }, clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'], fallback: {} },
  module: { rules: [{ test: /\.tsx?$/, loader: 'ts-loader', exclude: /node_modules/, options: { configFile: 'tsconfig.web.json' } }] },
  performance: { hints: false },
  devtool: false,
});
