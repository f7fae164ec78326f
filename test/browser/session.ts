/**
 * One Chromium for a browser test file: serves dist/web-test on 127.0.0.1 (built by ./globalSetup.js),
 * launches Debian's Chromium, and records every request that leaves 127.0.0.1 (aborted) and every page
 * error, so a test can assert there were none.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-output', 'screenshots');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, browserMissing } = require('./chromium.js') as { CHROMIUM: string; browserMissing: () => string | null };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TARGETS } = require('../../scripts/webBuild.js') as { TARGETS: Record<'production' | 'test', { dir: string }> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve.js') as { serve: (o: { port: number; root: string }) => Promise<{ server: Server; url: string }> };
export const WEB = TARGETS.test.dir;

/** What window.ledgerPlayground offers the tests (read-only but for load and setLatency). */
export interface PlaygroundWindow {
  ledgerPlayground: {
    load(data: ArrayBuffer): Promise<void>;
    sheetNames(): string[];
    values(sheet: string): unknown[][];
    formulas(sheet: string): unknown[][];
    tables(): { name: string; sheet: string; address: string }[];
    stats(): { syncs: number; largestRequestBytes: number };
    setLatency(ms: number): void;
  };
}

export interface Session {
  base: string;
  context: BrowserContext;
  /** Requests that left 127.0.0.1 (all aborted). */
  outside: string[];
  /** Uncaught page errors and CSP violations, of every page opened with `newPage`. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const missing = browserMissing();
  if (missing) throw new Error(missing);
  const buildError = process.env.LEDGER_WEB_TEST_BUILD_ERROR; // set by ./globalSetup.js
  if (buildError) throw new Error(`The playground did not build for the browser tests: ${buildError}`);
  if (!fs.existsSync(path.join(WEB, 'playground.html'))) throw new Error(`${WEB} was not built: run the browser suite through jest, whose globalSetup builds it`);
  const { server, url: base } = await serve({ port: 0, root: WEB });
  fs.mkdirSync(SHOTS, { recursive: true });
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-chromium-')), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const watch = (page: Page) => {
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1:') && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) pageErrors.push(`CSP: ${m.text().slice(0, 200)}`);
    });
    return page;
  };
  return {
    base, context, outside, pageErrors,
    newPage: async () => watch(await context.newPage()),
    close: async () => {
      await context.close();
      await new Promise((r) => server.close(r));
    },
  };
}
