/**
 * "Nothing lost, nothing leaked" (6, 9): `apply --out` never overwrites a file silently, never writes
 * through a symbolic link, never writes over its input, and says in one line why it could not write.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { expectRefusal, isRoot, ledgerFile, makeImmutable, run, tempDir, undoImmutable } from './cliHarness';

let dir: string;
let input: string;
beforeAll(async () => {
  dir = tempDir('ledger-out-');
  input = await ledgerFile(path.join(dir, 'ledger.xlsx'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const at = (...names: string[]) => path.join(dir, ...names);
const apply = (out: string, ...extra: string[]) => run(['apply', input, '--out', out, '--only', 'template', ...extra]);

async function isWorkbook(file: string): Promise<boolean> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.length > 0;
}

/** Files in `folder` other than `keep`: a temporary file left behind would show here. */
const strays = (folder: string, keep: string[]) => fs.readdirSync(folder).filter((n) => !keep.includes(n));

describe('an existing --out', () => {
  it('is refused without --force, and left as it was', async () => {
    const out = at('existing.xlsx');
    fs.writeFileSync(out, 'my precious notes');
    const msg = expectRefusal(await apply(out), /already exists.*--force/);
    expect(msg).toContain(out);
    expect(fs.readFileSync(out, 'utf8')).toBe('my precious notes');
  });

  it('is replaced with --force', async () => {
    const out = at('replace.xlsx');
    fs.writeFileSync(out, 'old');
    const r = await apply(out, '--force');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(await isWorkbook(out)).toBe(true);
  });

  it('is refused in Chinese under LANG=zh_CN', async () => {
    const out = at('existing-zh.xlsx');
    fs.writeFileSync(out, 'x');
    expect(expectRefusal(await run(['apply', input, '--out', out], { LANG: 'zh_CN.UTF-8' }))).toMatch(/已存在.*--force/);
  });

  it('--help documents --force', async () => {
    const r = await run(['--help']);
    expect(r.out).toMatch(/--force\s+\S/);
  });
});

describe('--out is never the input, even with --force', () => {
  it('not through a symbolic link, nor a different spelling, nor a hard link', async () => {
    const before = fs.readFileSync(input);
    const link = at('link-to-input.xlsx');
    fs.symlinkSync(input, link);
    fs.mkdirSync(at('sub'));
    const spelled = `${at('sub')}/../${path.basename(input)}`;
    const hard = at('hard-link.xlsx');
    fs.linkSync(input, hard);
    for (const out of [input, link, spelled, hard, path.relative(process.cwd(), input)]) {
      expectRefusal(await apply(out, '--force'), /never writes over its input/);
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readlinkSync(link)).toBe(input);
  });
});

describe('symbolic links are replaced, never written through', () => {
  it('a symbolic link at --out (with --force) is replaced by the file; its target is untouched', async () => {
    const victim = at('victim.txt');
    fs.writeFileSync(victim, 'do not touch');
    const out = at('linked-out.xlsx');
    fs.symlinkSync(victim, out);
    expectRefusal(await apply(out), /already exists/);
    const r = await apply(out, '--force');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(fs.readFileSync(victim, 'utf8').slice(0, 40)).toBe('do not touch');
    expect(fs.lstatSync(out).isSymbolicLink()).toBe(false);
    expect(await isWorkbook(out)).toBe(true);
  });

  it('a symbolic link planted at the old temporary name (OUT.PID.tmp) is not written through', async () => {
    fs.mkdirSync(at('planted'));
    const victim = at('planted-victim.txt');
    fs.writeFileSync(victim, 'do not touch');
    const out = at('planted', 'out.xlsx');
    fs.symlinkSync(victim, `${out}.${process.pid}.tmp`);
    const r = await apply(out);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(fs.readFileSync(victim, 'utf8').slice(0, 40)).toBe('do not touch');
    expect(fs.lstatSync(out).isFile()).toBe(true);
    expect(await isWorkbook(out)).toBe(true);
    expect(strays(at('planted'), ['out.xlsx', `out.xlsx.${process.pid}.tmp`])).toEqual([]);
  });

  it('a FIFO at --out is refused even with --force (it is not a file to replace)', async () => {
    const fifo = at('pipe-out.xlsx');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expectRefusal(await apply(fifo, '--force'), /not a regular file/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('a place --out cannot be written says so in one line (was exit 1 "internal error")', () => {
  it('a folder that does not exist', async () => {
    const out = at('no-such-folder', 'out.xlsx');
    const msg = expectRefusal(await apply(out), /The folder .*no-such-folder does not exist/);
    expect(msg).not.toMatch(/\.tmp/);
    expect(expectRefusal(await run(['apply', input, '--out', out], { LANG: 'zh_CN.UTF-8' }))).toMatch(/文件夹 .*no-such-folder 不存在/);
  });

  it('a folder as --out, with or without --force', async () => {
    fs.mkdirSync(at('a-folder.xlsx'));
    expectRefusal(await apply(at('a-folder.xlsx')), /a-folder\.xlsx is a folder/);
    expectRefusal(await apply(at('a-folder.xlsx'), '--force'), /a-folder\.xlsx is a folder/);
    expect(fs.statSync(at('a-folder.xlsx')).isDirectory()).toBe(true);
  });

  it('a file used as a folder', async () => {
    expectRefusal(await apply(path.join(input, 'out.xlsx')), /is a file, not a folder/);
  });

  it('a folder nobody may write in (chattr +i binds root too; chmod when not root)', async () => {
    const locked = at('locked');
    fs.mkdirSync(locked);
    let guarded = false;
    try {
      if (makeImmutable(locked)) guarded = true;
      else if (!isRoot) { fs.chmodSync(locked, 0o555); guarded = true; }
      if (!guarded) return; // root without chattr: covered by the injected error in outFile.test.ts
      const msg = expectRefusal(await apply(path.join(locked, 'out.xlsx')), /Cannot write in .*locked \(permission denied\)/);
      expect(msg).not.toMatch(/\.tmp/);
      expect(expectRefusal(await run(['apply', input, '--out', path.join(locked, 'out.xlsx')], { LANG: 'zh_CN.UTF-8' }))).toMatch(/无法在 .*locked 中写入（权限不足）/);
    } finally {
      undoImmutable(locked);
      fs.chmodSync(locked, 0o755);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});
