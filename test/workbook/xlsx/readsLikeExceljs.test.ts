/**
 * The product's .xlsx reader against exceljs, a reader we did not write: on the samples both give the
 * engine the same report, so nothing the CLI decides depends on which of them read the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSheet } from '../../../src/core/analyze';
import { XlsxWorkbookPort } from '../../../src/workbook/xlsx/xlsxPort';
import { readWithExceljs } from '../../helpers/exceljsRead';
import { SAMPLES_DIR } from '../../helpers/samples';

it.each(['customers-zh', 'customers-en'])('%s: the same sheets and the same report as through exceljs', async (name) => {
  const file = path.join(SAMPLES_DIR, `${name}.xlsx`);
  const theirs = (await readWithExceljs(file)).sheets;
  const port = XlsxWorkbookPort.open(fs.readFileSync(file));
  const ours = await port.listSheets();
  expect(ours.map((s) => [s.name, !s.visible])).toEqual(theirs.map((s) => [s.name, s.hidden]));
  const report = (values: unknown[][]) => analyzeSheet({ sheet: theirs[0]!.name, values, settings: { asOf: '2026-11-22' }, today: '2026-11-22' });
  expect(report(await port.readValues(ours[0]!.name))).toEqual(report(theirs[0]!.values));
});
