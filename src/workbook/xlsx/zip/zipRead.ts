/**
 * Reading a zip archive (an .xlsx package) from memory: the central directory, and each entry's data
 * inflated whole or in chunks. Entries keep a view of their compressed bytes, so a part nobody changes
 * is written back byte for byte, without being inflated at all.
 */
import { codec, fflateCodec } from './codec';

export type ZipErrorCode = 'not-zip' | 'damaged' | 'encrypted-entry' | 'unsupported';

export class ZipError extends Error {
  constructor(readonly code: ZipErrorCode, message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only two an .xlsx uses. */
  method: 0 | 8;
  crc32: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes, a view into the archive. */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

function damaged(why: string): ZipError {
  return new ZipError('damaged', `the zip archive is damaged (${why})`);
}

function findEndRecord(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= lowest; at--) {
    if (u32(b, at) === EOCD && at + 22 + u16(b, at + 20) <= b.length) return at;
  }
  return -1;
}

/** The entries of the archive in their order in the central directory. */
export function readZip(archive: Uint8Array): ZipEntry[] {
  if (archive.length < 22) throw new ZipError('not-zip', 'the file is too short to be a zip archive');
  const end = findEndRecord(archive);
  if (end < 0) throw new ZipError('not-zip', 'no zip directory at the end of the file');
  let count = u16(archive, end + 10);
  let dirSize = u32(archive, end + 12);
  let dirAt = u32(archive, end + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirAt === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(archive, locator) !== EOCD64_LOCATOR) throw damaged('zip64 locator missing');
    const rec = u64(archive, locator + 8);
    if (rec + 56 > archive.length || u32(archive, rec) !== EOCD64) throw damaged('zip64 directory record missing');
    count = u64(archive, rec + 32);
    dirSize = u64(archive, rec + 40);
    dirAt = u64(archive, rec + 48);
  }
  if (dirAt + dirSize > archive.length) throw damaged('the directory lies past the end of the file');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  let at = dirAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || u32(archive, at) !== CENTRAL) throw damaged('a directory entry is cut short');
    const flags = u16(archive, at + 8);
    const method = u16(archive, at + 10);
    const crc = u32(archive, at + 16);
    let compressedSize = u32(archive, at + 20);
    let size = u32(archive, at + 24);
    const nameLength = u16(archive, at + 28);
    const extraLength = u16(archive, at + 30);
    const commentLength = u16(archive, at + 32);
    let local = u32(archive, at + 42);
    const name = names.decode(archive.subarray(at + 46, at + 46 + nameLength));
    // Zip64: the sizes and offset that did not fit in 32 bits are in extra field 0x0001, in this order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(archive, extra);
      const length = u16(archive, extra + 2);
      if (id === 0x0001) {
        let p = extra + 4;
        if (size === 0xffffffff) { size = u64(archive, p); p += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(archive, p); p += 8; }
        if (local === 0xffffffff) { local = u64(archive, p); }
      }
      extra += 4 + length;
    }
    at = extraEnd + commentLength;
    if (name.endsWith('/')) continue; // a folder entry holds nothing
    if (flags & 1) throw new ZipError('encrypted-entry', `the part ${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `the part ${name} uses compression method ${method}`);
    if (local + 30 > archive.length || u32(archive, local) !== LOCAL) throw damaged(`the part ${name} is missing`);
    const dataAt = local + 30 + u16(archive, local + 26) + u16(archive, local + 28);
    if (dataAt + compressedSize > archive.length) throw damaged(`the part ${name} is cut short`);
    entries.push({ name, method, crc32: crc, compressedSize, size, raw: archive.subarray(dataAt, dataAt + compressedSize) });
  }
  return entries;
}

/** The whole uncompressed content of an entry, checked against its CRC. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  const pieces = [...inflateChunks(compressedEntry(entry))];
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(entry.size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Parts larger than this (uncompressed) are never inflated in one piece. */
const WHOLE_LIMIT = 64 * 1024 * 1024;

/** How much compressed input is inflated per step of inflateChunks. */
const INPUT_STEP = 1 << 20;

/** Compressed content in pieces, with what it must inflate to (an entry read, or a part written here). */
export interface Compressed {
  name: string;
  method: 0 | 8;
  crc32: number;
  size: number;
  pieces: readonly Uint8Array[];
}

export const compressedEntry = (e: ZipEntry): Compressed => ({ name: e.name, method: e.method, crc32: e.crc32, size: e.size, pieces: [e.raw] });

function* steps(pieces: readonly Uint8Array[]): Generator<Uint8Array> {
  for (const piece of pieces) for (let at = 0; at < piece.length; at += INPUT_STEP) yield piece.subarray(at, at + INPUT_STEP);
}

/**
 * The uncompressed content in pieces (each piece handed out before the next is made), for parts too big
 * to hold whole: a big ledger's sheet XML is hundreds of megabytes, past the longest string V8 can make.
 */
export function* inflateChunks(source: Compressed): Generator<Uint8Array> {
  let crc = 0;
  let size = 0;
  if (source.method === 0) {
    for (const chunk of steps(source.pieces)) {
      crc = codec().crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } else {
    // A step of input at a time, each step's output handed out before the next step is inflated.
    let pending: Uint8Array[] = [];
    // A part too big to hold inflated at once is streamed (fflate), whatever the codec: a piece of output
    // is handed out before the next step of input is inflated.
    const c = source.size > WHOLE_LIMIT && !codec().streams ? fflateCodec : codec();
    const inflater = c.inflater((chunk) => { pending.push(chunk); });
    const input = c.streams ? [...steps(source.pieces)] : [...source.pieces];
    if (input.length === 0) input.push(new Uint8Array(0));
    for (let i = 0; i < input.length; i++) {
      try {
        inflater.push(input[i]!, i === input.length - 1);
      } catch {
        throw damaged(`the part ${source.name} cannot be decompressed`);
      }
      const out = pending;
      pending = [];
      for (const chunk of out) {
        crc = codec().crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    }
  }
  if (size !== source.size || crc !== source.crc32) throw damaged(`the part ${source.name} fails its checksum`);
}
