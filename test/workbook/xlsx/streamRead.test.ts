/** The streaming reader (large files) hands the engine what the full reader does. */
import * as path from 'node:path';
import { analyzeSheet } from '../../../src/core/analyze';
import { readSheetValues, readWorkbookFile } from '../../../src/workbook/xlsx/readWorkbook';
import { SAMPLES_DIR, samplesAvailable } from '../../helpers/samples';

const describeSamples = samplesAvailable() ? describe : describe.skip;

describeSamples('readSheetValues({ stream: true })', () => {
  it.each(['customers-zh', 'customers-en'])('gives %s the same sheets and the same report', async (name) => {
    const file = path.join(SAMPLES_DIR, `${name}.xlsx`);
    const full = (await readWorkbookFile(file)).sheets;
    const streamed = await readSheetValues(file, { stream: true });
    expect(streamed.map((s) => [s.name, s.hidden])).toEqual(full.map((s) => [s.name, s.hidden]));
    const report = (values: unknown[][]) => analyzeSheet({ sheet: full[0]!.name, values, settings: { asOf: '2026-11-22' }, today: '2026-11-22' });
    expect(report(streamed[0]!.values as unknown[][])).toEqual(report(full[0]!.values as unknown[][]));
    expect(streamed[0]!.values.length).toBe(full[0]!.values.length);
  });

  it('says a non-workbook is not a workbook', async () => {
    await expect(readSheetValues(path.join(SAMPLES_DIR, 'README.md'), { stream: true })).rejects.toThrow(/not an \.xlsx workbook/);
  });
});
