/** A simulated Excel host loaded with a ledger, and the Office.js adapter over it. */
import * as path from 'node:path';
import { createSimHost, type SimOptions } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import * as fs from 'node:fs';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { isoToExcelSerial } from '../../src/core/calendar';
import { SAMPLES_DIR } from './samples';

/** Values as Excel keeps them: dates as serial numbers, formula cells as their results. */
export function asExcelValues(values: readonly (readonly unknown[])[]): unknown[][] {
  return values.map((row) => Array.from(row, (v) => {
    if (v instanceof Date) return isoToExcelSerial(v.toISOString().slice(0, 10));
    if (v && typeof v === 'object' && 'result' in v) return (v as { result: unknown }).result ?? null;
    if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    return v ?? null;
  }));
}

export function simWith(sheets: Record<string, unknown[][]>, options: SimOptions = {}) {
  const host = createSimHost({ now: () => new Date('2026-11-23T09:00:00Z'), ...options });
  for (const [name, values] of Object.entries(sheets)) host.workbook.addSheet(name).seed('A1', values);
  const port = new ExcelWorkbookPort(host as never);
  return { host, port };
}

export async function sampleValues(name: string): Promise<{ sheet: string; values: unknown[][] }> {
  const port = XlsxWorkbookPort.open(fs.readFileSync(path.join(SAMPLES_DIR, `${name}.xlsx`)));
  const [first] = await port.listSheets();
  return { sheet: first!.name, values: asExcelValues(await port.readValues(first!.name)) };
}
