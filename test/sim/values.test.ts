import { createSimHost } from '../../src/sim';

async function writeAndRead(values: unknown[][], numberFormatFirst?: string) {
  const host = createSimHost();
  host.workbook.addSheet('S');
  return host.Excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem('S').getRange('A1');
    if (numberFormatFirst) r.numberFormat = [[numberFormatFirst]];
    r.values = values;
    const out = context.workbook.worksheets.getItem('S').getRange('A1').load('values, formulas, text, valueTypes, numberFormat');
    await context.sync();
    return { values: out.values, formulas: out.formulas, text: out.text, valueTypes: out.valueTypes, numberFormat: out.numberFormat };
  });
}

describe('Excel interprets strings written through Range.values', () => {
  it("turns '+8613800138000' into the NUMBER 8613800138000", async () => {
    const r = await writeAndRead([['+8613800138000']]);
    expect(r.values).toEqual([[8613800138000]]);
    expect(r.valueTypes).toEqual([['Double']]);
    expect(r.text).toEqual([['8.6138E+12']]);
  });

  it("keeps the text when the cell's number format is '@' first", async () => {
    const r = await writeAndRead([['+8613800138000']], '@');
    expect(r.values).toEqual([['+8613800138000']]);
    expect(r.valueTypes).toEqual([['String']]);
  });

  it('stores a leading apostrophe as literal text without the apostrophe', async () => {
    const r = await writeAndRead([["'+8613800138000"]]);
    expect(r.values).toEqual([['+8613800138000']]);
    expect(r.text).toEqual([['+8613800138000']]);
    expect(r.formulas).toEqual([['+8613800138000']]);
  });

  it("'+86 请勿外传' is taken as a formula naming 请勿外传, refused as a name that does not exist; '-' alone stays text", async () => {
    await expect(writeAndRead([['+86 请勿外传']])).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/请勿外传/) });
    const b = await writeAndRead([['-']]);
    expect(b.values).toEqual([['-']]);
  });

  it('dashed phone numbers become arithmetic; numeric text becomes numbers', async () => {
    expect((await writeAndRead([['+86-138-0013-8000']])).values).toEqual([[86 - 138 - 13 - 8000]]);
    expect((await writeAndRead([['00123']])).values).toEqual([[123]]);
    expect((await writeAndRead([['TRUE']])).values).toEqual([[true]]);
    expect((await writeAndRead([['=1+2']])).values).toEqual([[3]]);
  });

  it('rejects a malformed formula with InvalidArgument', async () => {
    await expect(writeAndRead([['=1+']])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('null in a values array leaves the cell unchanged', async () => {
    const host = createSimHost();
    host.workbook.addSheet('S', [['keep', 'x']]);
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, 'y']];
    });
    expect(host.workbook.sheet('S').values()).toEqual([['keep', 'y']]);
  });
});
