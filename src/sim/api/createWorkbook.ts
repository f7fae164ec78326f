/**
 * Excel.createWorkbook(base64File?) as Excel behaves: ExcelApi 1.8; the argument must be base64 of an
 * .xlsx package (a zip holding [Content_Types].xml and the workbook part), otherwise the promise rejects
 * with InvalidArgument; it opens a separate workbook and never changes the current one. Here the opened
 * files are kept (tests read them) and handed to a hook the host may set (the playground downloads them).
 */
import { unzipSync } from 'fflate';
import { SimRichApiError, type HostState } from './base';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Strict base64 (no whitespace, padding required), or null. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (ALPHABET.indexOf(text[i]!) << 18) | (ALPHABET.indexOf(text[i + 1]!) << 12)
      | ((ALPHABET.indexOf(text[i + 2]!) & 63) << 6) | (ALPHABET.indexOf(text[i + 3]!) & 63);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** The workbook part a package must have for Excel to open it. */
function isWorkbookPackage(bytes: Uint8Array): boolean {
  let names: string[];
  try {
    names = Object.keys(unzipSync(bytes, { filter: (f) => f.name === '[Content_Types].xml' || /^xl\/workbook\.xml$/.test(f.name) }));
  } catch {
    return false;
  }
  return names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml');
}

export interface CreatedWorkbooks {
  /** Every file opened so far (an empty array for a blank workbook). */
  readonly files: Uint8Array[];
  /** Called with each file once it is open: what the host does with a new workbook (the playground downloads it). */
  onCreate: ((file: Uint8Array) => void) | null;
}

export function createWorkbookFunction(host: HostState, created: CreatedWorkbooks): (base64File?: string) => Promise<void> {
  return async (base64File) => {
    if (!host.supports('ExcelApi', '1.8')) {
      throw new SimRichApiError('ApiNotFound', 'Excel.createWorkbook requires ExcelApi 1.8, which this host does not support.', 'Excel.createWorkbook');
    }
    let file: Uint8Array = new Uint8Array(0);
    if (base64File !== undefined && base64File !== '') {
      if (typeof base64File !== 'string') throw new SimRichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Excel.createWorkbook');
      const bytes = decodeBase64(base64File);
      if (!bytes || !isWorkbookPackage(bytes)) {
        throw new SimRichApiError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Excel.createWorkbook');
      }
      file = bytes;
    }
    created.files.push(file);
    created.onCreate?.(file);
  };
}
