import { createSimHost, type SimHost, type SimOptions } from '../../../src/sim';
import { ExcelWorkbookPort, type ExcelHost, type ExcelPortOptions } from '../../../src/workbook/excel/excelPort';

export const MB = 1024 * 1024;

export function setup(options: SimOptions = {}, portOptions: ExcelPortOptions = {}): { host: SimHost; port: ExcelWorkbookPort } {
  const host = createSimHost(options);
  return { host, port: new ExcelWorkbookPort(asExcelHost(host), portOptions) };
}

/** The simulator's Excel enums are plain string objects, so its host needs a cast to the typed shape. */
export function asExcelHost(host: SimHost): ExcelHost {
  return host as unknown as ExcelHost;
}
