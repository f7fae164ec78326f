/**
 * writeOutputFile, on its own: all or nothing, exclusive temporary file, failures in one line of our
 * words. A full disk and a folder root may write in are simulated by an injected open() whose handle
 * fails the way the system would (ENOSPC, EACCES); the rest is real files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeWriteError, OutputFileError, outputFileSystem, writeOutputFile, type WritableHandle } from '../../src/cli/outFile';
import { tempDir } from './cliHarness';

let dir: string;
beforeEach(() => { dir = tempDir('ledger-outfile-'); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const original = { ...outputFileSystem };
afterEach(() => { Object.assign(outputFileSystem, original); });

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
const bytes = (text: string) => new TextEncoder().encode(text);
const listing = () => fs.readdirSync(dir).sort();

async function refusal(promise: Promise<unknown>): Promise<OutputFileError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(OutputFileError);
  const e = err as OutputFileError;
  expect(e.message).not.toMatch(/\n|undefined|ENOSPC|EACCES|EPERM|simulated|\.tmp/);
  return e;
}

/** A real handle whose write() fails with `code` after `okWrites` successful writes. */
function failingOpen(code: string, okWrites = 0) {
  return async (file: string, flags: string, mode: number): Promise<WritableHandle> => {
    const real = await fs.promises.open(file, flags, mode);
    let writes = 0;
    return {
      write: async (buffer, offset, length) => {
        if (writes++ >= okWrites) throw errno(code);
        return real.write(buffer, offset, length);
      },
      sync: () => real.sync(),
      close: () => real.close(),
    };
  };
}

describe('writeOutputFile', () => {
  it('writes exactly the bytes the chunks give, from a list or an async generator, and leaves nothing else', async () => {
    const out = path.join(dir, 'a.xlsx');
    await writeOutputFile(out, [bytes('hello '), bytes(''), bytes('world')], { force: false });
    expect(fs.readFileSync(out, 'utf8')).toBe('hello world');
    const out2 = path.join(dir, 'b.xlsx');
    async function* gen() { for (let i = 0; i < 1000; i++) yield bytes(`${i},`); }
    await writeOutputFile(out2, gen(), { force: false });
    expect(fs.readFileSync(out2, 'utf8')).toBe(Array.from({ length: 1000 }, (_, i) => `${i},`).join(''));
    expect(listing()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('refuses an existing file without force and replaces it with force', async () => {
    const out = path.join(dir, 'exists.xlsx');
    fs.writeFileSync(out, 'old');
    expect((await refusal(writeOutputFile(out, [bytes('new')], { force: false }))).problem).toBe('exists');
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    await writeOutputFile(out, [bytes('new')], { force: true });
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
    expect(listing()).toEqual(['exists.xlsx']);
  });

  it('refuses the input as the target, with force, however it is spelled', async () => {
    const input = path.join(dir, 'in.xlsx');
    fs.writeFileSync(input, 'input');
    fs.symlinkSync(input, path.join(dir, 'alias.xlsx'));
    for (const out of [input, path.join(dir, 'alias.xlsx'), `${dir}/./x/../in.xlsx`]) {
      expect((await refusal(writeOutputFile(out, [bytes('x')], { force: true, input }))).problem).toBe('same-as-input');
    }
    expect(fs.readFileSync(input, 'utf8')).toBe('input');
  });

  it('never writes through a symbolic link planted at its temporary name: another name is taken', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'do not touch');
    const names = ['planted', 'fresh'];
    outputFileSystem.randomSuffix = () => names.shift() ?? 'more';
    fs.symlinkSync(victim, path.join(dir, '.out.xlsx.planted.tmp'));
    const out = path.join(dir, 'out.xlsx');
    await writeOutputFile(out, [bytes('data')], { force: false });
    expect(fs.readFileSync(victim, 'utf8')).toBe('do not touch');
    expect(fs.readFileSync(out, 'utf8')).toBe('data');
    expect(fs.readlinkSync(path.join(dir, '.out.xlsx.planted.tmp'))).toBe(victim);
    expect(listing()).toEqual(['.out.xlsx.planted.tmp', 'out.xlsx', 'victim.txt']);
  });

  it('a full disk (ENOSPC on write): one line, the temporary file removed, the target as it was', async () => {
    const out = path.join(dir, 'full.xlsx');
    fs.writeFileSync(out, 'previous');
    outputFileSystem.open = failingOpen('ENOSPC', 1);
    const e = await refusal(writeOutputFile(out, [bytes('part one'), bytes('part two')], { force: true }));
    expect(e.message).toBe(`The disk is full; nothing was written to ${out}.`);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(listing()).toEqual(['full.xlsx']);
  });

  it('a quota (EDQUOT) and a failing fsync count as a full disk too', async () => {
    const out = path.join(dir, 'quota.xlsx');
    outputFileSystem.open = failingOpen('EDQUOT');
    expect((await refusal(writeOutputFile(out, [bytes('x')], { force: false }))).problem).toBe('disk-full');
    outputFileSystem.open = async (file, flags, mode) => {
      const real = await fs.promises.open(file, flags, mode);
      return { write: (b, o, l) => real.write(b, o, l), sync: async () => { throw errno('ENOSPC'); }, close: () => real.close() };
    };
    expect((await refusal(writeOutputFile(out, [bytes('x')], { force: false }))).problem).toBe('disk-full');
    expect(listing()).toEqual([]);
  });

  it('permission denied (EACCES or EPERM when creating the temporary file) names the folder', async () => {
    const out = path.join(dir, 'denied.xlsx');
    for (const code of ['EACCES', 'EPERM']) {
      outputFileSystem.open = async () => { throw errno(code); };
      const e = await refusal(writeOutputFile(out, [bytes('x')], { force: false }));
      expect(e.message).toBe(`Cannot write in ${dir} (permission denied).`);
    }
    outputFileSystem.open = async () => { throw errno('EROFS'); };
    expect((await refusal(writeOutputFile(out, [bytes('x')], { force: false }))).message).toBe(`Cannot write in ${dir} (the disk is read-only).`);
    expect(listing()).toEqual([]);
  });

  it('an error from the source of the bytes is passed on unchanged, and nothing is left', async () => {
    const out = path.join(dir, 'source.xlsx');
    fs.writeFileSync(out, 'previous');
    const boom = new TypeError('the adapter broke');
    async function* gen() { yield bytes('half'); throw boom; }
    await expect(writeOutputFile(out, gen(), { force: true })).rejects.toBe(boom);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(listing()).toEqual(['source.xlsx']);
  });

  it('a missing folder, a file on the way, a folder as the target', async () => {
    expect((await refusal(writeOutputFile(path.join(dir, 'nope', 'deeper', 'x.xlsx'), [bytes('x')], { force: false }))).message)
      .toBe(`The folder ${path.join(dir, 'nope', 'deeper')} does not exist.`);
    fs.writeFileSync(path.join(dir, 'file'), '');
    expect((await refusal(writeOutputFile(path.join(dir, 'file', 'x.xlsx'), [bytes('x')], { force: false }))).problem).toBe('not-a-folder');
    fs.mkdirSync(path.join(dir, 'folder'));
    expect((await refusal(writeOutputFile(path.join(dir, 'folder'), [bytes('x')], { force: true }))).problem).toBe('folder');
    expect(listing()).toEqual(['file', 'folder']);
  });

  it('an error it cannot word is passed on as it is (a bug: exit 1 with its stack)', async () => {
    const odd = errno('ESOMETHINGNEW');
    expect(await describeWriteError(odd, path.join(dir, 'x.xlsx'))).toBe(odd);
  });
});
