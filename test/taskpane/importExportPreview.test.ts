/** The import card's preview words without React: defaults as the engine's, a row's gist, "from → to", and what a confirm writes. */
import type { ImportRow } from '../../src/core/importRows';
import { choiceCounts, choicesFor, defaultChoices, groupByKind, mappedLines, rowGist } from '../../src/taskpane/components/ImportCard/importPreview';

const row = (source: number, kind: ImportRow['kind'], match: number | null, cells: unknown[]): ImportRow => ({ source, kind, match, cells, reasons: [] });

const rows = [
  row(2, 'new', null, ['', 'Acme', '13700137000', 'dee@163.com']),
  row(3, 'same', 2, ['Ann Lee', '', '13800138000', '']),
  row(4, 'repeat', 2, ['Dee Ma', '', '13700137000', '']),
  row(5, 'possible', 4, ['Ann L', '', '', 'ann@qq.com']),
];
const mapped = [
  { field: 'phone' as const, from: '电话', to: 2 },
  { field: 'name' as const, from: '姓名', to: 0 },
  { field: 'email' as const, from: '邮箱', to: 3 },
];

describe('the import preview', () => {
  it('defaults as the engine does: new added, same filled, repeat and possible left out', () => {
    expect(defaultChoices(rows)).toEqual({ 2: 'add', 3: 'update', 4: 'skip', 5: 'skip' });
    // Filling blanks needs a ledger row: never offered for a new row or a repeat of the file's own row.
    expect(choicesFor(rows[0]!)).toEqual(['add', 'skip']);
    expect(choicesFor(rows[2]!)).toEqual(['add', 'skip']);
    expect(choicesFor(rows[3]!)).toEqual(['update', 'add', 'skip']);
    expect(defaultChoices([row(6, 'same', null, ['X'])])).toEqual({ 6: 'skip' });
  });

  it('groups new first, then what needs a look, then the known and the repeated', () => {
    expect(groupByKind(rows).map((g) => [g.kind, g.rows.map((r) => r.source)])).toEqual([['new', [2]], ['possible', [5]], ['same', [3]], ['repeat', [4]]]);
  });

  it('shows a row by its name, company, phone and email, skipping blanks, at most three', () => {
    expect(rowGist(rows[0]!, mapped)).toBe('13700137000 · dee@163.com · Acme');
    expect(rowGist(rows[1]!, mapped)).toBe('Ann Lee · 13800138000');
    expect(rowGist(row(7, 'new', null, ['a', 'b', 'c', 'd']), [])).toBe('a · b · c');
  });

  it('says where each column goes, by the ledger’s header', () => {
    expect(mappedLines(mapped, (c) => ['名称', '公司', '手机', 'Email'][c]!)).toEqual(['电话 → 手机', '姓名 → 名称', '邮箱 → Email']);
  });

  it('counts what a confirm writes as the engine does: an update without a ledger row writes nothing', () => {
    expect(choiceCounts(rows, defaultChoices(rows))).toEqual({ add: 1, update: 1, skip: 2 });
    expect(choiceCounts(rows, { 2: 'skip', 3: 'add', 4: 'update', 5: 'update' })).toEqual({ add: 1, update: 1, skip: 2 });
  });
});
