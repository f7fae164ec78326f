/**
 * Writing a zip archive: parts copied from the source archive keep their compressed bytes as they are;
 * new or changed parts are deflated here, from pieces, so no part needs to exist as one string.
 */
import { strToU8 } from 'fflate';
import { codec, type FlateStream } from './codec';
import { ZipError, type ZipEntry } from './zipRead';

export interface ZipPart {
  name: string;
  method: 0 | 8;
  crc32: number;
  size: number;
  compressedSize: number;
  /** The compressed bytes, in pieces. */
  data: readonly Uint8Array[];
}

export function partFromEntry(entry: ZipEntry): ZipPart {
  return { name: entry.name, method: entry.method, crc32: entry.crc32, size: entry.size, compressedSize: entry.compressedSize, data: [entry.raw] };
}

// fflate's encoder where a host has no TextEncoder (a test's DOM); the platform's is several times faster.
const encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
const utf8 = (text: string): Uint8Array => (encoder ? encoder.encode(text) : strToU8(text));
const MAX_32 = 0xffffffff;

/** Deflates a part fed in pieces (text or bytes). */
export class PartWriter {
  private readonly out: Uint8Array[] = [];
  private readonly deflater: FlateStream;
  private crc = 0;
  private size = 0;
  private compressed = 0;
  /** Text is encoded in batches: a TextEncoder call per small string would cost more than the deflate. */
  private text: string[] = [];
  private textLength = 0;

  constructor(readonly name: string, level: 1 | 6 = 6) {
    this.deflater = codec().deflater(level, (chunk) => {
      this.out.push(chunk);
      this.compressed += chunk.length;
    });
  }

  write(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      if (piece.length === 0) return;
      this.text.push(piece);
      this.textLength += piece.length;
      if (this.textLength >= 1 << 18) this.flushText();
      return;
    }
    this.flushText();
    this.bytes(piece);
  }

  private flushText(): void {
    if (this.text.length === 0) return;
    const joined = this.text.join('');
    this.text = [];
    this.textLength = 0;
    this.bytes(utf8(joined));
  }

  private bytes(data: Uint8Array): void {
    if (data.length === 0) return;
    this.crc = codec().crc32(data, this.crc);
    this.size += data.length;
    this.deflater.push(data, false);
  }

  finish(): ZipPart {
    this.flushText();
    this.deflater.push(new Uint8Array(0), true);
    if (this.size > MAX_32 || this.compressed > MAX_32) throw new ZipError('unsupported', `the part ${this.name} would be larger than 4 GB`);
    return { name: this.name, method: 8, crc32: this.crc, size: this.size, compressedSize: this.compressed, data: this.out };
  }
}

export function deflatePart(name: string, content: string | Uint8Array): ZipPart {
  const w = new PartWriter(name);
  w.write(content);
  return w.finish();
}

function header(size: number): { view: DataView; bytes: Uint8Array } {
  const bytes = new Uint8Array(size);
  return { view: new DataView(bytes.buffer), bytes };
}

/** 1980-01-01 00:00, the earliest DOS time: the output does not depend on the clock. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The archive's bytes, in pieces: local headers and data, then the central directory. */
export function* zipChunks(parts: readonly ZipPart[]): Generator<Uint8Array> {
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = utf8(part.name);
    // Bit 11: the name is UTF-8.
    const flags = /^[\x20-\x7e]*$/.test(part.name) ? 0 : 0x0800;
    if (offset > MAX_32) throw new ZipError('unsupported', 'the workbook would be larger than 4 GB');
    const local = header(30 + name.length);
    local.view.setUint32(0, 0x04034b50, true);
    local.view.setUint16(4, 20, true);
    local.view.setUint16(6, flags, true);
    local.view.setUint16(8, part.method, true);
    local.view.setUint16(10, 0, true);
    local.view.setUint16(12, DOS_DATE, true);
    local.view.setUint32(14, part.crc32, true);
    local.view.setUint32(18, part.compressedSize, true);
    local.view.setUint32(22, part.size, true);
    local.view.setUint16(26, name.length, true);
    local.view.setUint16(28, 0, true);
    local.bytes.set(name, 30);
    yield local.bytes;
    for (const piece of part.data) if (piece.length > 0) yield piece;

    const entry = header(46 + name.length);
    entry.view.setUint32(0, 0x02014b50, true);
    entry.view.setUint16(4, 20, true);
    entry.view.setUint16(6, 20, true);
    entry.view.setUint16(8, flags, true);
    entry.view.setUint16(10, part.method, true);
    entry.view.setUint16(12, 0, true);
    entry.view.setUint16(14, DOS_DATE, true);
    entry.view.setUint32(16, part.crc32, true);
    entry.view.setUint32(20, part.compressedSize, true);
    entry.view.setUint32(24, part.size, true);
    entry.view.setUint16(28, name.length, true);
    entry.view.setUint32(42, offset, true);
    entry.bytes.set(name, 46);
    central.push(entry.bytes);
    offset += local.bytes.length + part.compressedSize;
  }
  let dirSize = 0;
  for (const c of central) {
    dirSize += c.length;
    yield c;
  }
  if (offset > MAX_32 || parts.length > 0xffff) throw new ZipError('unsupported', 'the workbook would be larger than 4 GB');
  const end = header(22);
  end.view.setUint32(0, 0x06054b50, true);
  end.view.setUint16(8, parts.length, true);
  end.view.setUint16(10, parts.length, true);
  end.view.setUint32(12, dirSize, true);
  end.view.setUint32(16, offset, true);
  yield end.bytes;
}

/** The whole archive as one array (tests, and files built in the pane). */
export function zipBytes(parts: readonly ZipPart[]): Uint8Array {
  const pieces = [...zipChunks(parts)];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
