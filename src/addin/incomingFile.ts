/**
 * A file the user picked in the pane to import (a CSV from a trade fair, another workbook) turned into
 * rows: CSV in UTF-8, UTF-16 or GBK (Chinese Excel saves GBK), or the customer-like sheet of an .xlsx,
 * read with the product's own reader. Runs in the browser: no Node, no network.
 */
import { decodeCsvBytes, parseCsv } from '../core/csv';
import { rankCustomerSheets } from '../core/workbookPick';

export type IncomingFileErrorCode = 'type' | 'unreadable' | 'no-customers';

export class IncomingFileError extends Error {
  constructor(readonly code: IncomingFileErrorCode, message: string) {
    super(message);
    this.name = 'IncomingFileError';
  }
}

export interface IncomingFile {
  rows: unknown[][];
  /** The sheet the rows came from (an .xlsx), or null for a CSV. */
  sheet: string | null;
  /** How a CSV was decoded, for the pane to say ("GBK"). */
  encoding: string | null;
}

/** ZIP's local file header: an .xlsx whatever its name says. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readIncomingFile(bytes: Uint8Array, name: string): Promise<IncomingFile> {
  if (isZip(bytes) || /\.xlsx$/i.test(name)) {
    if (!isZip(bytes)) throw new IncomingFileError('unreadable', `"${name}" is not an .xlsx workbook.`);
    // Loaded on demand: the first screen does not need the reader.
    const { XlsxWorkbookPort } = await import(/* webpackChunkName: "xlsxReader" */ '../workbook/xlsx/xlsxPort');
    let port;
    try {
      port = XlsxWorkbookPort.open(bytes);
    } catch {
      throw new IncomingFileError('unreadable', `"${name}" cannot be read as an .xlsx workbook.`);
    }
    const sheets = [];
    for (const s of port.sheetStates()) sheets.push({ name: s.name, values: await port.readValues(s.name), hidden: s.state !== 'visible' });
    const best = rankCustomerSheets(sheets)[0];
    if (!best) throw new IncomingFileError('no-customers', `No sheet in "${name}" looks like a customer list.`);
    return { rows: sheets.find((s) => s.name === best.name)!.values, sheet: best.name, encoding: null };
  }
  if (/\.(xls|xlsm|xlsb|ods|numbers)$/i.test(name)) {
    throw new IncomingFileError('type', `"${name}" is not a format the add-in reads: save it as .xlsx or .csv first.`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  const rows = parseCsv(text);
  if (rows.filter((r) => r.some((c) => c.trim() !== '')).length < 2) throw new IncomingFileError('no-customers', `"${name}" holds no rows to import.`);
  return { rows, sheet: null, encoding };
}
