/**
 * Febrl's person records (test/fixtures/datasets): the columns matching needs, under the headers of the
 * .xlsx copies and under the original CSV names (given_name, soc_sec_id…). No phone column at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbookPort } from '../../../src/workbook/xlsx/xlsxPort';
import { detectLayout, type SheetLayout } from '../../../src/core/columns';

const DIR = path.resolve(__dirname, '../../fixtures/datasets');
const CSV_HEADERS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state',
  'date_of_birth', 'soc_sec_id'];

const mapped = (layout: SheetLayout | null) =>
  Object.fromEntries(Object.values(layout?.columns ?? {}).map((m) => [m.field, m.column]));

describe.each(['febrl3', 'febrl4'])('%s', (name) => {
  let values: unknown[][];
  beforeAll(async () => {
    values = await XlsxWorkbookPort.open(fs.readFileSync(path.join(DIR, `${name}.xlsx`))).readValues('People');
  });

  it.each([['the workbook headers', null], ['the original CSV headers', CSV_HEADERS]] as const)('maps %s', (_, headers) => {
    const grid = headers ? [headers, ...values.slice(1)] : values;
    expect(grid[0]).toHaveLength(11);
    const got = mapped(detectLayout(grid));
    expect(got).toMatchObject({ firstName: 1, lastName: 2, address: 4, region: 6, postcode: 7, birthDate: 9 });
    expect(got.phone).toBeUndefined(); // soc_sec_id and the dates of birth are not phone numbers
    expect(got.name).toBeUndefined(); // the name is the two parts, not one of them
    expect(Object.entries(got).filter(([, c]) => c === 10)).toEqual([]);
  });
});
