/** Errors from every layer, in the user's words (never the raw message, which may quote cells). */
import { ContactsError, FilterError, RestoreError, SettingsError, TiersError } from '../../src/actions';
import { AnalyzeError } from '../../src/core/analyze';
import { WorkbookError } from '../../src/workbook/port';
import { errorKey, errorMessage } from '../../src/addin/errorWording';

describe('errorMessage', () => {
  it.each([
    [new WorkbookError('protected', 'sheet "张三 13800138000" is protected'), 'protected', /protected/],
    [new WorkbookError('too-large', 'x'), 'too-large', /larger than Excel accepts/],
    [new WorkbookError('protected', 'x', 'workbook-structure'), 'protected-structure', /workbook.s structure is protected/],
    [new WorkbookError('unsupported', 'x', 'merged-cells'), 'merged-cells', /are merged/],
    // 'excel-too-old': the adapter's refusal below ExcelApi 1.10 (cast: the detail is newer than some checkouts' port.ts)
    [new WorkbookError('unsupported', 'x', 'excel-too-old' as never), 'excel-too-old', /too old for the add-in.*Nothing was changed/],
    [new WorkbookError('host', 'reading: Excel did not answer within 60 s.'), 'timeout', /did not answer in time/],
    [new ContactsError('no-contact-columns', 'x'), 'no-contact-columns', /no phone or email column/],
    [new TiersError('no-tier-columns', 'x'), 'no-tier-columns', /no amount, date or order column/],
    [new SettingsError('x'), 'settings', /settings sheet has a value/],
    [new AnalyzeError('no-header', 'x'), 'no-header', /No header row/],
    [Object.assign(new Error('boom'), { name: 'RichApi.Error', code: 'GeneralException' }), 'host', /Excel reported an error/],
    [new WorkbookError('cancelled', 'Cancelled; nothing was changed.'), 'cancelled', /^Cancelled\. Nothing was changed\.$/],
    [new WorkbookError('edited', 'Sheet "张三 13800138000" was edited'), 'edited', /changed while this was running, so it stopped before writing anything/],
    [new RestoreError('no-backup', 'There is no sheet named "备份 张三 13800138000"'), 'no-backup', /backup sheet is gone/],
    [new RestoreError('not-a-backup', 'x'), 'not-a-backup', /not a backup the add-in made/],
    [new RestoreError('unknown-sheet', 'x'), 'unknown-sheet', /cannot tell which sheet/],
    [new RestoreError('sheet-missing', 'x'), 'sheet-missing', /no longer exists/],
    [new FilterError('users-filter', 'Sheet "张三 13800138000" already has a filter'), 'users-filter', /already has a filter you set; clear it first \(Data › Clear\).*leaves your filter as it is/],
    [new FilterError('no-check-column', 'x'), 'no-check-column', /run "Check phones & emails" first/],
    [new TypeError('undefined is not a function'), 'unknown', /Something went wrong/],
  ])('%s → %s', (err, key, words) => {
    expect(errorKey(err)).toBe(key);
    expect(errorMessage(err, 'en-US')).toMatch(words);
    expect(errorMessage(err, 'zh-CN')).not.toBe(errorMessage(err, 'en-US'));
    expect(errorMessage(err, 'en-US')).not.toMatch(/13800138000|boom/);
  });
});
