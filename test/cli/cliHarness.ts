/** Shared by the CLI refusal tests: run `main` in this process, build fixtures, check a refusal's shape. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export interface CliResult { code: number | 'hung'; out: string; err: string }

/**
 * `main(args)` with its output captured. A call that has not finished after `hangMs` returns
 * code 'hung' (the read it started may still be running: the test fails, it does not wait forever).
 */
export async function run(args: string[], env: Record<string, string | undefined> = { LANG: 'en_US.UTF-8' }, hangMs = 10_000): Promise<CliResult> {
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), hangMs); });
  const code = await Promise.race([main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, env }), hung]);
  clearTimeout(timer);
  return { code, out, err };
}

/** Words of a library or the engine that must never reach the user. */
export const LIBRARY_WORDS = /https?:\/\/|central directory|Corrupted zip|End of data|Cannot (set|read) propert|undefined|\bnull\b|NaN|\[object|ENOENT|EACCES|EPERM|ENOSPC|EISDIR|ENOTDIR|\n\s+at /;

/** Exit 2, one line on stderr starting "customer-ledger: ", nothing on stdout, no library words. */
export function expectRefusal(r: CliResult, pattern?: RegExp): string {
  expect({ code: r.code, lines: r.err.replace(/\n$/, '').split('\n').length, out: r.out }).toEqual({ code: 2, lines: 1, out: '' });
  expect(r.err).toMatch(/^customer-ledger: /);
  expect(r.err).not.toMatch(LIBRARY_WORDS);
  expect(r.err).not.toMatch(/internal error/);
  if (pattern) expect(r.err).toMatch(pattern);
  return r.err.trim();
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small customer workbook the CLI accepts. */
export async function ledgerFile(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户');
  ws.addRow(['姓名', '手机', '邮箱', '累计消费', '最近购买日期']);
  ws.addRow(['王伟', '13800138000', 'wang@qq.com', 1200, '2026-11-01']);
  ws.addRow(['李静', '13900139000', 'li@163.com', 300, '2025-03-01']);
  await wb.xlsx.writeFile(file);
  return file;
}

/** `chattr +i` on a folder: even root cannot create a file in it. False when chattr is unavailable here. */
export function makeImmutable(dir: string): boolean {
  const r = spawnSync('chattr', ['+i', dir], { stdio: 'ignore' });
  return r.status === 0;
}

export function undoImmutable(dir: string): void {
  spawnSync('chattr', ['-i', dir], { stdio: 'ignore' });
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
