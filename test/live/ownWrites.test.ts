/**
 * Telling the add-in's own change events from a person's (src/addin/ownWrites.ts, changeAuthor.ts):
 * Excel's word when it gives one, else where and when the add-in wrote.
 */
import { changeAuthor } from '../../src/addin/changeAuthor';
import { OwnWrites, trackOwnWrites, writtenAreas } from '../../src/addin/ownWrites';
import type { WorkbookPort, WritePlan } from '../../src/workbook/port';

function clock(start = 1000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

const block: WritePlan = {
  description: 'check columns',
  ops: [
    { op: 'writeBlock', sheet: 'Clients', row: 0, col: 7, values: [['Phone check', 'Phone (E.164)']] },
    { op: 'writeBlock', sheet: 'Clients', row: 1, col: 7, values: [['valid', '+8613800138000'], ['invalid', null]] },
    { op: 'conditionalFormat', sheet: 'Clients', address: 'H2:H3', formula: '=H2="invalid"', fill: '#FFC7CE' },
  ],
};

describe('OwnWrites', () => {
  it('covers the areas a plan writes while it is applied and for the grace time after, on that sheet only', () => {
    const c = clock();
    const own = new OwnWrites(c.now, 2000);
    expect(own.covers('Clients', 'H2')).toBe(false);
    const done = own.begin(block);
    expect(own.covers('Clients', 'H2:I3')).toBe(true);
    expect(own.covers('clients', 'H1')).toBe(true); // sheet names are case-insensitive in Excel
    expect(own.covers('Clients', "'Clients'!I2")).toBe(true);
    expect(own.covers('Clients', 'B2')).toBe(false); // the phone column beside: a person typing
    expect(own.covers('Clients', 'H2:H3,B2')).toBe(false);
    expect(own.covers('Other', 'H2')).toBe(false);
    c.advance(60_000); // a long write: still covered until it ends
    expect(own.covers('Clients', 'H2')).toBe(true);
    done();
    c.advance(1999);
    expect(own.covers('Clients', 'H2')).toBe(true);
    c.advance(2);
    expect(own.covers('Clients', 'H2')).toBe(false);
    expect(own.active).toBe(false);
  });

  it('takes whole sheets where the cells cannot be known beforehand, and nothing for formats', () => {
    expect(writtenAreas({ op: 'deleteRows', sheet: 'Clients', rows: [3] })).toEqual([{ sheet: 'Clients', rect: { r0: 0, r1: 1_048_575, c0: 0, c1: 16_383 } }]);
    expect(writtenAreas({ op: 'copySheet', from: 'Clients', to: 'Backup' })[0]?.sheet).toBe('Backup');
    expect(writtenAreas({ op: 'addTable', sheet: 'T', address: 'A1:C9', name: 'T1' })).toEqual([{ sheet: 'T', rect: { r0: 0, r1: 8, c0: 0, c1: 2 } }]);
    expect(writtenAreas({ op: 'format', sheet: 'Clients', address: 'A1:B1', bold: true })).toEqual([]);
    expect(writtenAreas({ op: 'freeze', sheet: 'Clients', rows: 1 })).toEqual([]);
    const unknown = { op: 'somethingNew', sheet: 'Clients' } as unknown as Parameters<typeof writtenAreas>[0];
    expect(writtenAreas(unknown)[0]?.rect.r1).toBe(1_048_575);
  });

  it('a port that records its plans, also when the plan fails; reads pass through untouched', async () => {
    const c = clock();
    const own = new OwnWrites(c.now, 100);
    const calls: string[] = [];
    let fail = false;
    const port = {
      kind: 'excel' as const,
      readValues: async (sheet: string) => { calls.push(`read ${sheet}`); return [['x']]; },
      apply: async () => {
        calls.push(`apply covered=${own.covers('Clients', 'H2')}`);
        if (fail) throw new Error('protected');
      },
    } as unknown as WorkbookPort;
    const tracked = trackOwnWrites(port, own);
    expect(await tracked.readValues('Clients')).toEqual([['x']]);
    await tracked.apply(block);
    fail = true;
    await expect(tracked.apply(block)).rejects.toThrow('protected');
    expect(calls).toEqual(['read Clients', 'apply covered=true', 'apply covered=true']);
    expect(own.covers('Clients', 'H2')).toBe(true); // the failed plan may have written part of it
    c.advance(101);
    expect(own.covers('Clients', 'H2')).toBe(false);
    expect(tracked.kind).toBe('excel');
  });
});

describe('changeAuthor', () => {
  it("trusts Excel's ThisLocalAddin always, a Remote source always, and otherwise where the add-in wrote", () => {
    const c = clock();
    const own = new OwnWrites(c.now, 2000);
    const done = own.begin(block);
    done();
    // ExcelApi 1.14+
    expect(changeAuthor('Clients', 'B2', { triggerSource: 'ThisLocalAddin', source: 'Local' }, own)).toBe('addin');
    expect(changeAuthor('Clients', 'B2', { triggerSource: 'Unknown', source: 'Local' }, own)).toBe('user');
    expect(changeAuthor('Clients', 'H2', { triggerSource: 'Unknown', source: 'Local' }, own)).toBe('addin'); // "unknown or currently unsupported"
    // Older hosts say nothing
    expect(changeAuthor('Clients', 'H2', { source: 'Local' }, own)).toBe('addin');
    expect(changeAuthor('Clients', 'B2', {}, own)).toBe('user');
    // A co-author is never this add-in
    expect(changeAuthor('Clients', 'H2', { source: 'Remote' }, own)).toBe('user');
    c.advance(5000);
    expect(changeAuthor('Clients', 'H2', {}, own)).toBe('user');
    expect(changeAuthor('Clients', 'H2', { triggerSource: 'ThisLocalAddin' }, own)).toBe('addin'); // late, but Excel said so
  });
});
