/** The simulator's workbook structure protection behaves as Excel's: sheets cannot be added, deleted, renamed, moved or hidden. */
import { createSimHost } from '../../src/sim';

function host(api = '1.17') {
  const h = createSimHost({ requirementSets: { ExcelApi: api } });
  h.workbook.addSheet('A', [['x']]);
  h.workbook.addSheet('B', [['y']]);
  return h;
}

describe('workbook structure protection (simulator)', () => {
  it('loads workbook.protection.protected and protects / unprotects with a password', async () => {
    const h = host();
    await h.Excel.run(async (context) => {
      const p = context.workbook.protection;
      expect(() => p.protected).toThrow(/is not available/);
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(false);
      p.protect('pw');
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(true);
      p.unprotect('wrong');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      p.unprotect('pw');
      p.load('protected');
      await context.sync();
      expect(p.protected).toBe(false);
    });
    expect(h.workbook.protected).toBe(false);
  });

  it('refuses adding, deleting, renaming, copying, moving and hiding sheets while protected; cells stay writable', async () => {
    const h = host();
    h.workbook.protect();
    await h.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const attempts: (() => void)[] = [
        () => sheets.add('C'),
        () => sheets.getItem('B').delete(),
        () => (sheets.getItem('B').name = 'B2'),
        () => sheets.getItem('A').copy('End'),
        () => (sheets.getItem('B').position = 0),
        () => (sheets.getItem('B').visibility = 'Hidden'),
      ];
      // One refused sync per attempt (a loop of syncs is what this test is about).
      const refusals = attempts.reduce<Promise<void>>((prev, attempt) => prev.then(async () => {
        attempt();
        await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/workbook structure is protected/) });
      }), Promise.resolve());
      await refusals;
      sheets.getItem('A').getRange('B2').values = [[5]];
      await context.sync();
    });
    expect(h.workbook.sheetNames()).toEqual(['A', 'B']);
    expect(h.workbook.sheet('A').cell('B2').value).toBe(5);
    h.workbook.unprotect();
    await h.Excel.run(async (context) => {
      context.workbook.worksheets.add('C');
      await context.sync();
    });
    expect(h.workbook.sheetNames()).toEqual(['A', 'B', 'C']);
  });

  it('needs ExcelApi 1.7', async () => {
    const h = host('1.6');
    await h.Excel.run(async (context) => {
      context.workbook.protection.load('protected');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});
