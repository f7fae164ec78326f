/** Errors from every layer, in the user's words (never the raw message, which may quote cells). */
import { ContactsError, SettingsError, TiersError } from '../../src/actions';
import { AnalyzeError } from '../../src/core/analyze';
import { WorkbookError } from '../../src/workbook/port';
import { errorKey, errorMessage } from '../../src/taskpane/logic/errors';

describe('errorMessage', () => {
  it.each([
    [new WorkbookError('protected', 'sheet "张三 13800138000" is protected'), 'protected', /protected/],
    [new WorkbookError('too-large', 'x'), 'too-large', /larger than Excel accepts/],
    [new WorkbookError('host', 'reading: Excel did not answer within 60 s.'), 'timeout', /did not answer in time/],
    [new ContactsError('no-contact-columns', 'x'), 'no-contact-columns', /no phone or email column/],
    [new TiersError('no-tier-columns', 'x'), 'no-tier-columns', /no amount, date or order column/],
    [new SettingsError('x'), 'settings', /settings sheet has a value/],
    [new AnalyzeError('no-header', 'x'), 'no-header', /No header row/],
    [Object.assign(new Error('boom'), { name: 'RichApi.Error', code: 'GeneralException' }), 'host', /Excel reported an error/],
    [new TypeError('undefined is not a function'), 'unknown', /Something went wrong/],
  ])('%s → %s', (err, key, words) => {
    expect(errorKey(err)).toBe(key);
    expect(errorMessage(err, 'en-US')).toMatch(words);
    expect(errorMessage(err, 'zh-CN')).not.toBe(errorMessage(err, 'en-US'));
    expect(errorMessage(err, 'en-US')).not.toMatch(/13800138000|boom/);
  });
});
