/**
 * What an input file is, told from its bytes before any library reads it, so that a file we cannot use
 * is refused in one line of our own words (exit 2) — not read forever (`/dev/zero`, a FIFO), not
 * described with a zip library's message and web address.
 *
 *  - Only a regular file is opened (a symbolic link to one is fine): a folder, a character device, a
 *    FIFO or a socket is refused from its `stat`, before it is opened.
 *  - An OLE compound file (first bytes D0 CF 11 E0 A1 B1 1A E1) is an encrypted workbook when its
 *    directory holds a stream "EncryptionInfo" or "EncryptedPackage" (Excel wraps a password-protected
 *    .xlsx that way), an Excel 97–2003 .xls when it holds "Workbook" (or "Book", Excel 5/95), else some
 *    other old Office file. Directory entries are 128 bytes, 128-aligned, each starting with its
 *    UTF-16LE name and the name's byte length at 0x40, so the names are matched there only.
 *  - A zip ("PK\x03\x04", or "PK\x05\x06" when empty) is read from its central directory (the end of
 *    the file): none means a file cut short; xl/workbook.bin without xl/workbook.xml is an .xlsb;
 *    xl/workbook.xml whose root element is in the Strict namespace is a Strict Open XML workbook; no
 *    workbook part at all is some other zip (a Word document, an OpenDocument file…).
 *  - Anything else is not a workbook (or a damaged one).
 *
 * A file that passes may still fail in the library (a sheet's XML cut short): `damagedWorkbook` words
 * that refusal.
 */
import * as fs from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import { constants as zlibConstants, inflateRawSync } from 'node:zlib';

export type InputProblem =
  | 'missing' | 'folder' | 'not-regular' | 'unreadable' | 'empty'
  | 'encrypted' | 'xls' | 'old-office' | 'xlsb' | 'strict' | 'ods'
  | 'not-a-workbook' | 'other-zip' | 'truncated' | 'damaged';

/** An input the user can fix (or replace): the CLI prints the message as one line and exits 2. */
export class InputFileError extends Error {
  readonly problem: InputProblem;
  constructor(problem: InputProblem, message: string) {
    super(message);
    this.name = 'InputFileError';
    this.problem = problem;
  }
}

const SAVE_AS = 'open it in Excel and save it as "Excel Workbook (.xlsx)", then try again';

/** The refusal for a file that passed `checkInputFile` but that the library could not read. */
export function damagedWorkbook(file: string): InputFileError {
  return new InputFileError('damaged', `${file} is damaged: it could not be read as an .xlsx workbook.`);
}

const OLE_MAGIC = Buffer.from('D0CF11E0A1B11AE1', 'hex');
const STRICT_NAMESPACE = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const ERRNO_READ_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A file-system error while looking at the input, in our words; anything else is passed on as it is. */
function readError(err: unknown, file: string): unknown {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputFileError('missing', `File not found: ${file}`);
  if (code === 'EISDIR') return new InputFileError('folder', `${file} is a folder, not a workbook.`);
  if (code && ERRNO_READ_REASONS[code]) return new InputFileError('unreadable', `Cannot read ${file} (${ERRNO_READ_REASONS[code]}).`);
  return err;
}

const notRegular = (file: string) =>
  new InputFileError('not-regular', `${file} is not a regular file (a device, pipe or socket), so it cannot be a workbook.`);
const notAWorkbook = (file: string) =>
  new InputFileError('not-a-workbook', `${file} is not an .xlsx workbook: it is damaged, or not a workbook at all.`);
const truncated = (file: string) =>
  new InputFileError('truncated', `${file} is damaged: it ends too soon (perhaps it was cut short while being copied or downloaded).`);

/**
 * Refuses (InputFileError) a path that is not a readable, regular, transitional .xlsx file by its
 * bytes; returns when the file looks like one. Reads the first bytes and, for a zip, its central
 * directory and the start of xl/workbook.xml; for an OLE file, its directory entries.
 */
export async function checkInputFile(file: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    throw readError(err, file);
  }
  if (stat.isDirectory()) throw new InputFileError('folder', `${file} is a folder, not a workbook.`);
  if (!stat.isFile()) throw notRegular(file);
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait for a writer.
    handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw readError(err, file);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw notRegular(file);
    const size = opened.size;
    if (size === 0) throw new InputFileError('empty', `${file} is empty (0 bytes): it is not a workbook, or it was damaged.`);
    const head = await readAt(handle, 0, Math.min(8, size));
    if (head.length === 8 && head.equals(OLE_MAGIC)) return await sniffOle(handle, size, file);
    if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6) || (head[2] === 7 && head[3] === 8))) {
      return await sniffZip(handle, size, file);
    }
    throw notAWorkbook(file);
  } catch (err) {
    throw err instanceof InputFileError ? err : readError(err, file);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Up to `length` bytes at `position` (fewer at the end of the file). */
async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

// ---- OLE compound files ---------------------------------------------------------------------------

const OLE_STREAMS: ReadonlyMap<string, 'encrypted' | 'xls'> = new Map([
  ['ENCRYPTIONINFO', 'encrypted'],
  ['ENCRYPTEDPACKAGE', 'encrypted'],
  ['WORKBOOK', 'xls'],
  ['BOOK', 'xls'],
]);
const OLE_NAME_BYTES = new Set([...OLE_STREAMS.keys()].map((n) => (n.length + 1) * 2));
const OLE_CHUNK = 1 << 20; // a multiple of the 128-byte directory entry

/**
 * The kind of stream a directory entry at `at` in `buf` names, if it is one we look for: the name
 * (any case, as OLE compares them) and its UTF-16 NUL at the entry's start, and the byte length at 0x40
 * agreeing (or left 0, as a hand-made file may).
 */
function oleEntryKind(buf: Buffer, at: number): 'encrypted' | 'xls' | undefined {
  const declared = buf.readUInt16LE(at + 0x40);
  for (const nameBytes of OLE_NAME_BYTES) {
    if (declared !== 0 && declared !== nameBytes) continue;
    if (buf[at + nameBytes - 2] !== 0 || buf[at + nameBytes - 1] !== 0) continue;
    const kind = OLE_STREAMS.get(buf.toString('utf16le', at, at + nameBytes - 2).toUpperCase());
    if (kind) return kind;
  }
  return undefined;
}

async function sniffOle(handle: fs.FileHandle, size: number, file: string): Promise<never> {
  const header = await readAt(handle, 0, 512);
  // Start at the first directory sector (where the names usually are), then the rest of the file.
  const sectorShift = header.length >= 0x32 ? header.readUInt16LE(0x1e) : 9;
  const firstDirectory = header.length >= 0x34 ? header.readUInt32LE(0x30) : 0;
  let start = 512;
  if ((sectorShift === 9 || sectorShift === 12) && firstDirectory < 0xfffffffa) {
    const at = (firstDirectory + 1) * 2 ** sectorShift;
    if (at < size) start = at;
  }
  let xls = false;
  for (const [from, to] of [[start, size], [512, start]] as const) {
    for (let position = from; position < to; position += OLE_CHUNK) {
      const chunk = await readAt(handle, position, Math.min(OLE_CHUNK, to - position));
      for (let at = 0; at + 128 <= chunk.length; at += 128) {
        const kind = oleEntryKind(chunk, at);
        if (kind === 'encrypted') {
          throw new InputFileError('encrypted',
            `${file} is password-protected: open it in Excel, remove the password (File → Info → Protect Workbook), save, and try again.`);
        }
        if (kind === 'xls') xls = true;
      }
    }
  }
  if (xls) throw new InputFileError('xls', `${file} is in the old Excel 97–2003 format (.xls): ${SAVE_AS}.`);
  throw new InputFileError('old-office', `${file} is an old-format Office file, not an .xlsx workbook: if it is a spreadsheet, ${SAVE_AS}.`);
}

// ---- zips ---------------------------------------------------------------------------------------------

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
/** How much of a part's compressed bytes are inflated to find its root element. */
const HEAD_COMPRESSED = 16 * 1024;

/** The zip's entries by name, from its central directory; throws `truncated` when there is none. */
async function zipEntries(handle: fs.FileHandle, size: number, file: string): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) { end = i; break; }
  }
  if (end < 0) throw truncated(file);
  let count = tail.readUInt16LE(end + 10);
  let cdSize = tail.readUInt32LE(end + 12);
  let cdOffset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: the locator sits just before the end record and points at the zip64 end record.
    const locatorAt = tailStart + end - 20;
    if (locatorAt < 0) throw truncated(file);
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== 0x07064b50) throw truncated(file);
    const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== 0x06064b50) throw truncated(file);
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size || cdSize > MAX_CENTRAL_DIRECTORY) throw truncated(file);
  const cd = await readAt(handle, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw truncated(file);
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    let compressedSize = cd.readUInt32LE(at + 20);
    const uncompressedSize = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localOffset = cd.readUInt32LE(at + 42);
    if (at + 46 + nameLength + extraLength > cd.length) throw truncated(file);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The zip64 extra field holds, in this order, only the sizes and offset that did not fit.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
        const id = cd.readUInt16LE(x);
        const length = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          const next = () => { const v = y + 8 <= x + 4 + length ? Number(cd.readBigUInt64LE(y)) : 0; y += 8; return v; };
          if (uncompressedSize === 0xffffffff) next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
          break;
        }
        x += 4 + length;
      }
    }
    entries.set(name, { method, compressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The first bytes of an entry's content, inflated; undefined when it is stored in a way we do not read. */
async function entryHead(handle: fs.FileHandle, size: number, entry: ZipEntry, file: string): Promise<Buffer | undefined> {
  const local = await readAt(handle, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw truncated(file);
  const dataAt = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataAt + entry.compressedSize > size) throw truncated(file);
  const data = await readAt(handle, dataAt, Math.min(entry.compressedSize, HEAD_COMPRESSED));
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    // A part cut at HEAD_COMPRESSED bytes: a sync flush gives what those bytes hold instead of an error.
    return inflateRawSync(data, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 4 * 1024 * 1024 });
  } catch (err) {
    if (errnoCode(err) === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw damagedWorkbook(file);
  }
}

function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The namespace of the root element `local` in the XML `text` (undefined when it is not found). */
export function rootNamespace(text: string, local: string): string | undefined {
  const root = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${local}(?=[\\s/>])([^>]*)>`).exec(text);
  if (!root) return undefined;
  const attribute = root[1] ? `xmlns:${root[1]}` : 'xmlns';
  const declared = new RegExp(`(?:^|\\s)${attribute.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(root[2] ?? '');
  return declared?.[2];
}

async function sniffZip(handle: fs.FileHandle, size: number, file: string): Promise<void> {
  const entries = await zipEntries(handle, size, file);
  const workbook = entries.get('xl/workbook.xml');
  if (workbook) {
    const head = await entryHead(handle, size, workbook, file);
    if (head && rootNamespace(xmlText(head), 'workbook') === STRICT_NAMESPACE) {
      throw new InputFileError('strict', `${file} is saved as "Strict Open XML Spreadsheet", which this tool cannot read: ${SAVE_AS}.`);
    }
    return;
  }
  if (entries.has('xl/workbook.bin')) {
    throw new InputFileError('xlsb', `${file} is a binary Excel workbook (.xlsb): ${SAVE_AS}.`);
  }
  const mimetype = entries.get('mimetype');
  if (mimetype) {
    const head = await entryHead(handle, size, mimetype, file);
    if (head && /opendocument\.spreadsheet/.test(head.toString('latin1'))) {
      throw new InputFileError('ods', `${file} is an OpenDocument spreadsheet (.ods): open it in Excel, WPS or LibreOffice and save it as "Excel Workbook (.xlsx)", then try again.`);
    }
  }
  const names = [...entries.keys()];
  if (names.some((n) => n.startsWith('xl/'))) {
    throw new InputFileError('damaged', `${file} is damaged: its workbook part (xl/workbook.xml) is missing.`);
  }
  const what = entries.has('word/document.xml') ? 'a Word document'
    : entries.has('ppt/presentation.xml') ? 'a PowerPoint presentation'
      : mimetype ? 'an OpenDocument file'
        : 'a zip file with no workbook inside';
  throw new InputFileError('other-zip', `${file} is not an .xlsx workbook: it is ${what}.`);
}
