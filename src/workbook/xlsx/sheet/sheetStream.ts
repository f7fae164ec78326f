/**
 * A worksheet's XML in three kinds of pieces, read from chunks: the head (everything up to and
 * including the <sheetData> start tag), one piece per <row> element, and the tail (from </sheetData> to
 * the end). Only one row is held at a time, so a sheet of any size can be read or rewritten.
 */
import { XmlError, tagEnd, tagName } from '../xml/xml';

export type SheetPiece =
  | { kind: 'head'; xml: string; prefix: string }
  | { kind: 'row'; xml: string }
  | { kind: 'tail'; xml: string };

/** Text from UTF-8 chunks, decoded as they come (a character may straddle two chunks). */
export function* decodeChunks(chunks: Iterable<Uint8Array>): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function* sheetPieces(texts: Iterable<string>): Generator<SheetPiece> {
  const source = texts[Symbol.iterator]();
  let buf = '';
  let at = 0;
  let ended = false;
  const more = (): boolean => {
    if (ended) return false;
    const next = source.next();
    if (next.done) {
      ended = true;
      return false;
    }
    buf = at > 0 ? buf.slice(at) + next.value : buf + next.value;
    at = 0;
    return true;
  };

  // The head: find the root element's prefix, then <sheetData.
  let prefix = '';
  let rootFound = false;
  let dataStart = -1;
  for (;;) {
    if (!rootFound) {
      let i = 0;
      for (;;) {
        i = buf.indexOf('<', i);
        if (i < 0 || i + 1 >= buf.length) break;
        const c = buf[i + 1];
        if (c === '?' || c === '!') {
          const e = buf.indexOf('>', i);
          if (e < 0) break;
          i = e + 1;
          continue;
        }
        const end = tagEnd(buf, i);
        if (end < 0) break;
        const q = tagName(buf, i);
        prefix = q.slice(0, q.indexOf(':') + 1);
        rootFound = true;
        break;
      }
    }
    if (rootFound) {
      const re = new RegExp(`<${prefix}sheetData[\\s/>]`, 'g');
      const m = re.exec(buf);
      if (m && tagEnd(buf, m.index) > 0) {
        dataStart = m.index;
        break;
      }
    }
    if (!more()) break;
  }
  if (dataStart < 0) {
    // No sheetData at all (a chartsheet-like or broken part): all of it is the head, with an empty one.
    throw new XmlError('the worksheet has no sheetData element');
  }
  const openEnd = tagEnd(buf, dataStart);
  const open = buf.slice(dataStart, openEnd);
  if (open.endsWith('/>')) {
    yield { kind: 'head', xml: `${buf.slice(0, dataStart)}${open.slice(0, -2)}>`, prefix };
    while (more());
    yield { kind: 'tail', xml: `</${prefix}sheetData>${buf.slice(openEnd)}` };
    return;
  }
  yield { kind: 'head', xml: buf.slice(0, openEnd), prefix };
  at = openEnd;

  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const dataClose = `</${prefix}sheetData`;
  for (;;) {
    while (at < buf.length && isSpace(buf.charCodeAt(at))) at++;
    if (at >= buf.length) {
      if (!more()) throw new XmlError('the worksheet ends inside sheetData');
      continue;
    }
    if (buf.startsWith(dataClose, at)) break;
    if (buf.startsWith(rowOpen, at) && (at + rowOpen.length < buf.length)) {
      const open = tagEnd(buf, at);
      if (open < 0) {
        if (!more()) throw new XmlError('the worksheet ends inside a row');
        continue;
      }
      if (buf.charCodeAt(open - 2) === 47 /* / */) {
        yield { kind: 'row', xml: buf.slice(at, open) };
        at = open;
        continue;
      }
      const close = buf.indexOf(rowClose, open);
      if (close < 0) {
        if (!more()) throw new XmlError('the worksheet ends inside a row');
        continue;
      }
      const end = close + rowClose.length;
      yield { kind: 'row', xml: buf.slice(at, end) };
      at = end;
      continue;
    }
    if (buf.startsWith('<!--', at)) {
      const e = buf.indexOf('-->', at);
      if (e < 0) {
        if (!more()) throw new XmlError('unterminated comment');
        continue;
      }
      at = e + 3; // comments inside sheetData are dropped: nothing reads them
      continue;
    }
    if (buf.length - at < dataClose.length + rowOpen.length && more()) continue;
    throw new XmlError(`unexpected content in sheetData: ${buf.slice(at, at + 40)}`);
  }
  while (more());
  yield { kind: 'tail', xml: buf.slice(at) };
}
