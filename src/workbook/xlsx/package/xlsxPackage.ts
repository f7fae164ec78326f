/**
 * An .xlsx package held as its zip entries. A part nobody changes keeps its compressed bytes and is
 * written back as it came; a changed or new part is kept compressed here until the package is saved.
 * What the package does not understand (macros, pivots, charts, images, extensions…) is never parsed,
 * so it cannot be lost.
 */
import { ZipError, compressedEntry, inflateChunks, readZip, type Compressed } from '../zip/zipRead';
import { PartWriter, deflatePart, partFromEntry, type ZipPart } from '../zip/zipWrite';
import { decodeChunks } from '../sheet/sheetStream';
import { stringItemText } from '../xml/xml';
import { ContentTypes, REL, Relationships, relsPathOf, resolveTarget, STRICT_MAIN_NS, CONTENT_TYPE, relativeTarget } from './parts';
import { MINIMAL_STYLES, Styles } from './styles';
import { WorkbookXml } from './workbookXml';

/** Why a file cannot be opened as a workbook, in words for the user. */
export class PackageError extends Error {
  constructor(readonly code: 'not-workbook' | 'damaged' | 'strict' | 'binary' | 'encrypted-entry', message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/**
 * A part as it came (its compressed bytes, and its inflated bytes once read when small enough to keep),
 * as bytes the add-in wrote (compressed only when the package is saved: a sheet rewritten by every action
 * is not deflated and inflated again each time), or compressed here (large parts). Kept as UTF-8 bytes,
 * not strings: half the memory of a two-byte string for a Chinese ledger, and outside the JavaScript heap.
 */
type PartState =
  | { kind: 'entry'; compressed: Compressed; zip: ZipPart; bytes?: Uint8Array[] }
  | { kind: 'bytes'; bytes: Uint8Array[] }
  | { kind: 'written'; compressed: Compressed; zip: ZipPart };

/** Parts up to this many bytes are kept uncompressed; larger ones are compressed (a million-row sheet). */
const KEEP_LIMIT = 192 * 1024 * 1024;
/** Text is encoded into pieces of this many bytes, so a part is a few hundred arrays, not millions. */
const PIECE = 1 << 20;

const encoder = new TextEncoder();

/**
 * Collects a part's text, encoded into pieces of about a megabyte as it comes. A part that grows past
 * what is kept uncompressed is compressed from then on as it is written (fast level), so it is never
 * held whole; `close` hands over the bytes, or the compressed part.
 */
export class TextPartWriter {
  private readonly bytes: Uint8Array[] = [];
  private piece = new Uint8Array(PIECE);
  private used = 0;
  private total = 0;
  private compressor: PartWriter | null = null;

  constructor(private readonly name: string, private readonly done: (part: { bytes: Uint8Array[] } | { zip: ZipPart }) => void) {}

  write(text: string): void {
    let rest = text;
    while (rest.length > 0) {
      // At most 3 bytes per UTF-16 unit: a text that may not fit goes in parts, never split in a pair.
      if (this.piece.length - this.used < 3 * Math.min(rest.length, 1024)) this.flush();
      const room = this.piece.length - this.used;
      const { read, written } = encoder.encodeInto(rest, this.piece.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      if (written === 0 && room === this.piece.length) throw new Error('text cannot be encoded');
      this.flush();
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    const piece = this.piece.subarray(0, this.used);
    this.total += this.used;
    this.piece = new Uint8Array(PIECE);
    this.used = 0;
    if (!this.compressor && this.total > KEEP_LIMIT) {
      this.compressor = new PartWriter(this.name, 1);
      for (const b of this.bytes) this.compressor.write(b);
      this.bytes.length = 0;
    }
    if (this.compressor) this.compressor.write(piece);
    else this.bytes.push(piece);
  }

  close(): void {
    this.flush();
    this.done(this.compressor ? { zip: this.compressor.finish() } : { bytes: this.bytes });
  }
}

function zipToCompressed(part: ZipPart): Compressed {
  return { name: part.name, method: part.method, crc32: part.crc32, size: part.size, pieces: part.data };
}

export class XlsxPackage {
  private readonly parts = new Map<string, PartState>();
  /** Small XML parts being edited, written back at save. */
  private readonly edited = new Map<string, { text: () => string }>();
  private readonly relsCache = new Map<string, Relationships>();
  readonly contentTypes: ContentTypes;
  readonly workbookPath: string;
  readonly workbook: WorkbookXml;
  private stylesModel: Styles | null = null;
  private sst: string[] | null = null;

  private constructor(archive: Uint8Array) {
    let entries;
    try {
      entries = readZip(archive);
    } catch (err) {
      if (err instanceof ZipError) {
        if (err.code === 'encrypted-entry') throw new PackageError('encrypted-entry', `it holds an encrypted part (${err.message})`);
        throw new PackageError(err.code === 'not-zip' ? 'not-workbook' : 'damaged', err.message);
      }
      throw err;
    }
    for (const e of entries) this.parts.set(e.name, { kind: 'entry', compressed: compressedEntry(e), zip: partFromEntry(e) });
    if (!this.parts.has('[Content_Types].xml')) throw new PackageError('not-workbook', 'it is a zip archive but not an Office document (no [Content_Types].xml)');
    this.contentTypes = new ContentTypes(this.readText('[Content_Types].xml'));
    this.edited.set('[Content_Types].xml', { text: () => this.contentTypes.text });
    const main = this.rels('').byType(REL.officeDocument)[0]
      ?? this.rels('').list().find((r) => r.type.endsWith('/officeDocument'));
    const path = main ? resolveTarget('', main.target) : 'xl/workbook.xml';
    if (path.endsWith('.bin')) throw new PackageError('binary', 'it is a binary workbook (.xlsb)');
    if (!this.parts.has(path)) throw new PackageError('not-workbook', 'it is a zip archive but holds no workbook');
    this.workbookPath = path;
    try {
      this.workbook = new WorkbookXml(this.readText(path));
      if (this.workbook.namespace === STRICT_MAIN_NS) throw new PackageError('strict', 'it is saved as Strict Open XML');
      this.workbook.sheets();
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw new PackageError('damaged', `its workbook part cannot be read (${(err as Error).message})`);
    }
    this.edited.set(path, { text: () => this.workbook.text });
  }

  static open(archive: Uint8Array): XlsxPackage {
    return new XlsxPackage(archive);
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  /** A part's text, whole (for the small parts: workbook, rels, styles, tables…). */
  readText(name: string): string {
    const edit = this.edited.get(name);
    if (edit) return edit.text();
    return [...this.readTexts(name)].join('');
  }

  /** A part's uncompressed bytes in pieces, kept after the first read when the part is small enough. */
  private *readBytes(name: string): Generator<Uint8Array> {
    const p = this.parts.get(name);
    if (!p) throw new PackageError('damaged', `the part ${name} is missing`);
    if (p.kind === 'bytes') {
      yield* p.bytes;
      return;
    }
    if (p.kind === 'entry' && p.bytes) {
      yield* p.bytes;
      return;
    }
    const keep: Uint8Array[] | null = p.kind === 'entry' && p.compressed.size <= KEEP_LIMIT ? [] : null;
    try {
      for (const chunk of inflateChunks(p.compressed)) {
        keep?.push(chunk);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof ZipError) throw new PackageError('damaged', err.message);
      throw err;
    }
    if (keep && p.kind === 'entry') p.bytes = keep;
  }

  /** A part's text in pieces (sheets), decoded as it is read. */
  *readTexts(name: string): Generator<string> {
    const edit = this.edited.get(name);
    if (edit) {
      yield edit.text();
      return;
    }
    let first = true;
    for (const t of decodeChunks(this.readBytes(name))) {
      // A byte-order mark would hide the XML declaration from the element scanner.
      yield first && t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
      first = false;
    }
  }

  /** Replaces (or adds) a part with content already compressed. */
  setPart(part: ZipPart): void {
    this.edited.delete(part.name);
    this.parts.set(part.name, { kind: 'written', compressed: zipToCompressed(part), zip: part });
  }

  setText(name: string, text: string): void {
    this.setPart(deflatePart(name, text));
  }

  /** A writer for a new version of a part, which replaces the part when closed. */
  writer(name: string): TextPartWriter {
    return new TextPartWriter(name, (part) => {
      this.edited.delete(name);
      if ('bytes' in part) this.parts.set(name, { kind: 'bytes', bytes: part.bytes });
      else this.setPart(part.zip);
    });
  }

  /** A new part with the content of `from` (or `text`), and a copy of its relationships (their targets shared). */
  copyPart(from: string, to: string, text?: string): void {
    const p = this.parts.get(from);
    if (!p) return;
    if (text !== undefined) this.parts.set(to, { kind: 'bytes', bytes: [encoder.encode(text)] });
    else this.parts.set(to, p.kind === 'bytes' ? { kind: 'bytes', bytes: [...p.bytes] } : { ...p });
    const type = this.contentTypes.hasOverride(from) ? this.contentTypes.typeOf(from) : undefined;
    if (type) this.contentTypes.setOverride(to, type);
    if (this.parts.has(relsPathOf(from))) this.parts.set(relsPathOf(to), { kind: 'bytes', bytes: [encoder.encode(this.readText(relsPathOf(from)))] });
  }

  remove(name: string): void {
    this.parts.delete(name);
    this.edited.delete(name);
    this.relsCache.delete(name);
    this.contentTypes.removeOverride(name);
  }

  /** The relationships of a part ('' for the package's own), edited in place and saved with the package. */
  rels(part: string): Relationships {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    let rels = this.relsCache.get(path);
    if (!rels) {
      rels = this.parts.has(path) ? new Relationships(this.readText(path)) : Relationships.empty();
      this.relsCache.set(path, rels);
    }
    return rels;
  }

  /** Marks a part's relationships as changed: they are written at save (created when new). */
  touchRels(part: string): void {
    const path = part === '' ? '_rels/.rels' : relsPathOf(part);
    const rels = this.rels(part);
    this.edited.set(path, { text: () => rels.text });
    if (!this.parts.has(path)) {
      const placeholder = deflatePart(path, rels.text);
      this.parts.set(path, { kind: 'written', compressed: zipToCompressed(placeholder), zip: placeholder });
    }
  }

  /** Adds a part related from `from` with relationship `type`; returns the relationship id. */
  relate(from: string, type: string, target: string): string {
    const id = this.rels(from).add(type, relativeTarget(from === '' ? '' : from, target));
    this.touchRels(from);
    return id;
  }

  /** The styles part, created when the package has none. */
  styles(): Styles {
    if (this.stylesModel) return this.stylesModel;
    const rel = this.rels(this.workbookPath).byType(REL.styles)[0];
    let path = rel ? resolveTarget(this.workbookPath, rel.target) : null;
    if (path && this.parts.has(path)) {
      this.stylesModel = new Styles(this.readText(path));
    } else {
      path = 'xl/styles.xml';
      this.stylesModel = new Styles(MINIMAL_STYLES);
      this.setText(path, MINIMAL_STYLES);
      this.contentTypes.setOverride(path, CONTENT_TYPE.styles);
      if (!rel) this.relate(this.workbookPath, REL.styles, path);
    }
    const styles = this.stylesModel;
    this.edited.set(path, { text: () => styles.text });
    return styles;
  }

  /** The shared strings (read once, for reading cell values). */
  sharedStrings(): string[] {
    if (this.sst) return this.sst;
    const rel = this.rels(this.workbookPath).byType(REL.sharedStrings)[0];
    const path = rel ? resolveTarget(this.workbookPath, rel.target) : null;
    const out: string[] = [];
    if (path && this.parts.has(path)) {
      // Streamed: a big ledger's string table is large; each <si> is read as it completes.
      let buf = '';
      for (const text of this.readTexts(path)) {
        buf += text;
        let at = 0;
        for (;;) {
          const open = buf.indexOf('<', at);
          if (open < 0) break;
          const m = /^<((?:\w+:)?)si[\s>/]/.exec(buf.slice(open, open + 16));
          if (!m) {
            at = open + 1;
            continue;
          }
          if (buf.startsWith('/>', buf.indexOf('>', open) - 1)) {
            out.push('');
            at = buf.indexOf('>', open) + 1;
            continue;
          }
          const close = buf.indexOf(`</${m[1]}si>`, open);
          if (close < 0) {
            at = open;
            break;
          }
          out.push(stringItemText(buf, buf.indexOf('>', open) + 1, close));
          at = close + m[1]!.length + 5;
        }
        buf = buf.slice(at);
      }
    }
    this.sst = out;
    return out;
  }

  /** Every part as it will be written, [Content_Types].xml first. */
  zipParts(): ZipPart[] {
    for (const [name, edit] of this.edited) {
      const p = this.parts.get(name);
      if (!p) continue;
      const text = edit.text();
      if (p.kind === 'entry' && text === this.readOriginal(name)) continue;
      const part = deflatePart(name, text);
      this.parts.set(name, { kind: 'written', compressed: zipToCompressed(part), zip: part });
    }
    const names = [...this.parts.keys()];
    const first = names.filter((n) => n === '[Content_Types].xml');
    return [...first, ...names.filter((n) => n !== '[Content_Types].xml')].map((n) => {
      const p = this.parts.get(n)!;
      if (p.kind !== 'bytes') return p.zip;
      const w = new PartWriter(n);
      for (const b of p.bytes) w.write(b);
      return w.finish();
    });
  }

  private readOriginal(name: string): string | null {
    const p = this.parts.get(name);
    if (!p || p.kind !== 'entry') return null;
    // The part as it came, not its edit.
    return [...decodeChunks(this.readBytes(name))].join('').replace(/^\ufeff/, '');
  }
}

