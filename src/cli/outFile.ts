/**
 * Writing `apply --out`: never over the input, never over an existing file without --force, never
 * through a symbolic link, and never a half-written file.
 *
 * The bytes go to a temporary file created EXCLUSIVELY beside the target (`.NAME.RANDOM.tmp`, opened
 * with 'wx' = O_CREAT|O_EXCL, which fails rather than follow a symbolic link planted at that name),
 * are flushed to the disk (fsync), and the file is then moved onto the target in one step: without
 * --force by a hard link, which fails if the target appeared meanwhile; with --force by a rename, which
 * replaces a symbolic link at the target instead of writing through it. On any failure the temporary
 * file is removed and the target is as it was.
 *
 * A file-system failure the user can fix (a missing or read-only folder, a full disk, a folder where a
 * file should be…) becomes an OutputFileError, one line for the CLI (exit 2); an error from the source
 * of the bytes is passed on unchanged.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { constants as fsConstants } from 'node:fs';
import { randomBytes } from 'node:crypto';

export type OutputProblem =
  | 'same-as-input' | 'exists' | 'folder' | 'not-regular' | 'no-folder' | 'not-a-folder'
  | 'permission' | 'read-only' | 'disk-full' | 'io' | 'too-large' | 'name-too-long';

/** A place `--out` cannot be written, said so the user can fix it: the CLI prints it as one line, exit 2. */
export class OutputFileError extends Error {
  readonly problem: OutputProblem;
  constructor(problem: OutputProblem, message: string) {
    super(message);
    this.name = 'OutputFileError';
    this.problem = problem;
  }
}

export interface WriteOptions {
  /** Replace an existing regular file (or a symbolic link) at the target. Never the input, never a folder. */
  force: boolean;
  /** The input file: refused as the target even with --force, however the path is spelled. */
  input?: string;
}

/** The part of a FileHandle the writer uses. */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What the writer opens files with, and how it names them: replaced in tests (a full disk, a planted link). */
export const outputFileSystem = {
  open: (file: string, flags: string, mode: number): Promise<WritableHandle> => fs.open(file, flags, mode),
  randomSuffix: (): string => randomBytes(6).toString('hex'),
};

function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function statOrNull(file: string, follow = true): Promise<import('node:fs').BigIntStats | null> {
  try {
    return await (follow ? fs.stat(file, { bigint: true }) : fs.lstat(file, { bigint: true }));
  } catch {
    return null;
  }
}

async function realOrResolved(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return path.resolve(file);
  }
}

/** The same file, however spelled: through symbolic links, `..`, another case on a case-insensitive disk, a hard link. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  if (sa && sb && sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  return (await realOrResolved(a)) === (await realOrResolved(b));
}

/** The folder a file goes into, as the user would recognise it. */
function shownFolder(out: string): string {
  const folder = path.dirname(out);
  return folder === '.' ? process.cwd() : folder;
}

const folderMessage = (out: string) => `${out} is a folder: give --out a file name, such as ${path.join(out, 'checked.xlsx')}.`;
const existsMessage = (out: string) => `${out} already exists: apply writes a new file. Choose another --out, or add --force to replace it.`;

/** `--out` over the input: refused first, before the input is even looked at. */
export async function refuseOutputOverInput(out: string, input: string): Promise<void> {
  if (await isSameFile(input, out)) {
    throw new OutputFileError('same-as-input', '--out is the input file: apply never writes over its input.');
  }
}

/** Why the folder of `out` is missing: a folder that does not exist, or a file on the way. */
async function missingFolder(out: string): Promise<OutputFileError> {
  let at = path.dirname(path.resolve(out));
  for (;;) {
    const stat = await statOrNull(at);
    if (stat) {
      if (!stat.isDirectory()) return new OutputFileError('not-a-folder', `${at} is a file, not a folder: cannot write ${out}.`);
      break;
    }
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return new OutputFileError('no-folder', `The folder ${shownFolder(out)} does not exist.`);
}

/**
 * A file-system error while writing `out`, in our words (an OutputFileError); an error we cannot
 * explain is returned as it is (a bug, or something we have not met: exit 1 with its stack).
 */
export async function describeWriteError(err: unknown, out: string): Promise<unknown> {
  const folder = shownFolder(out);
  switch (errnoCode(err)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new OutputFileError('disk-full', `The disk is full; nothing was written to ${out}.`);
    case 'EACCES':
    case 'EPERM':
      return new OutputFileError('permission', `Cannot write in ${folder} (permission denied).`);
    case 'EROFS':
      return new OutputFileError('read-only', `Cannot write in ${folder} (the disk is read-only).`);
    case 'ENOENT':
    case 'ENOTDIR':
      return missingFolder(out);
    case 'EISDIR':
    case 'ENOTEMPTY':
      return new OutputFileError('folder', folderMessage(out));
    case 'EEXIST':
      return new OutputFileError('exists', existsMessage(out));
    case 'EIO':
      return new OutputFileError('io', `Could not write ${out} (input/output error); nothing was written.`);
    case 'EFBIG':
      return new OutputFileError('too-large', `${out} is too large for this disk's file system; nothing was written.`);
    case 'ENAMETOOLONG':
      return new OutputFileError('name-too-long', `The name ${out} is too long.`);
    default:
      return err;
  }
}

/**
 * Refuses (OutputFileError) an `out` that cannot or must not be written: the input itself, a folder,
 * something that is not a regular file (a device, a FIFO), an existing file without --force, a
 * missing folder, a folder we may not write in. Called before the work (so a refusal comes at once,
 * not after minutes) and again just before the file is put in place.
 */
export async function checkOutputPath(out: string, options: WriteOptions): Promise<void> {
  if (options.input !== undefined) await refuseOutputOverInput(out, options.input);
  const link = await statOrNull(out, false);
  if (link) {
    const target = link.isSymbolicLink() ? await statOrNull(out) : link;
    // A dangling symbolic link may be replaced (with --force); what it points at is never written.
    if (target?.isDirectory()) throw new OutputFileError('folder', folderMessage(out));
    if (target && !target.isFile()) {
      throw new OutputFileError('not-regular', `${out} is not a regular file (a device, pipe or socket): give --out the name of a new file.`);
    }
    if (!options.force) throw new OutputFileError('exists', existsMessage(out));
  }
  const folder = path.dirname(path.resolve(out));
  const stat = await statOrNull(folder);
  if (!stat || !stat.isDirectory()) throw await missingFolder(out);
  try {
    await fs.access(folder, fsConstants.W_OK | fsConstants.X_OK);
  } catch (err) {
    throw await describeWriteError(err, out);
  }
}

async function writeAll(handle: WritableHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.length;) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('no bytes written'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

/** Our file-system step: its failure becomes an OutputFileError when we can word it. */
async function step<T>(out: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw await describeWriteError(err, out);
  }
}

/** The written temporary file onto `out`: a hard link (fails if `out` exists) without force, else a rename. */
async function putInPlace(tmp: string, out: string, force: boolean): Promise<void> {
  if (force) return step(out, () => fs.rename(tmp, out));
  try {
    await fs.link(tmp, out);
    return;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') throw new OutputFileError('exists', existsMessage(out));
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(code ?? '')) throw await describeWriteError(err, out);
  }
  if (await statOrNull(out, false)) throw new OutputFileError('exists', existsMessage(out));
  await step(out, () => fs.rename(tmp, out));
}

/** Best effort: the rename itself reaches the disk (not possible on every system). */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder; the file's own data is already synced.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes the bytes `chunks` give to `out`, all or nothing: through an exclusive temporary file beside
 * it, synced, then moved onto `out`. Refuses (OutputFileError) what checkOutputPath refuses, and words
 * a file-system failure (a full disk, no permission…) the same way; an error thrown by `chunks` itself
 * is passed on unchanged. Either way the temporary file is removed and `out` is untouched.
 */
export async function writeOutputFile(out: string, chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, options: WriteOptions): Promise<void> {
  await checkOutputPath(out, options);
  const folder = path.dirname(path.resolve(out));
  const base = path.basename(out).slice(0, 100);
  let tmp = '';
  let handle: WritableHandle | undefined;
  for (let attempt = 1; handle === undefined; attempt++) {
    tmp = path.join(folder, `.${base}.${outputFileSystem.randomSuffix()}.tmp`);
    try {
      handle = await outputFileSystem.open(tmp, 'wx', 0o666);
    } catch (err) {
      // Someone's file (or link) at that name: never touched, another name is tried.
      if (errnoCode(err) === 'EEXIST' && attempt < 10) continue;
      throw await describeWriteError(err, out);
    }
  }
  try {
    for await (const chunk of chunks) {
      await step(out, () => writeAll(handle!, chunk));
    }
    await step(out, () => handle!.sync());
    const closing = handle;
    handle = undefined;
    await step(out, () => closing.close());
    await checkOutputPath(out, options);
    await putInPlace(tmp, out, options.force);
    await syncFolder(folder);
  } finally {
    if (handle) await handle.close().catch(() => undefined);
    // After a rename there is nothing left to remove; after a hard link, the temporary name.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
