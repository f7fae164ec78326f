/**
 * The next follow-up column: named outright (下次跟进日期, Next follow-up, 提醒日期) or by a word that says
 * only "follow-up" (回访日期, 跟进日期, Follow-up date), which its dates then decide: later than the row's
 * other dates is the planned next one, not the last contact.
 */
import { detectLayout } from '../../src/core/columns';

function fieldsOf(values: unknown[][]): Record<string, string> {
  const layout = detectLayout(values);
  if (!layout) throw new Error('no layout');
  return Object.fromEntries(Object.entries(layout.columns).map(([f, m]) => [f, m!.header]));
}

const names = ['张伟', '李娜', '王芳', '刘洋', '陈静'];
const phones = ['13800138000', '13900139001', '13700137002', '13600136003', '13500135004'];

describe('next follow-up column', () => {
  it.each([
    ['下次跟进日期'], ['下次跟进'], ['提醒日期'], ['下次回访'], ['Next follow-up'], ['Next contact'], ['Callback date'], ['Reminder date'],
  ])('"%s" is the next follow-up', (header) => {
    const values = [['客户名称', '手机', '最近联系日期', header],
      ...names.map((n, i) => [n, phones[i], `2026-10-0${i + 1}`, `2026-12-0${i + 1}`])];
    expect(fieldsOf(values)).toMatchObject({ lastContact: '最近联系日期', nextFollowUp: header });
  });

  it('回访日期 with dates after each row\'s last contact is the next follow-up, whichever side it stands', () => {
    const right = [['客户名称', '手机', '最近联系日期', '回访日期'],
      ...names.map((n, i) => [n, phones[i], `2026-10-0${i + 1}`, `2026-12-1${i}`])];
    expect(fieldsOf(right)).toMatchObject({ lastContact: '最近联系日期', nextFollowUp: '回访日期' });
    const left = [['客户名称', '回访日期', '手机', '最近联系日期'],
      ...names.map((n, i) => [n, `2026-12-1${i}`, phones[i], `2026-10-0${i + 1}`])];
    expect(fieldsOf(left)).toMatchObject({ lastContact: '最近联系日期', nextFollowUp: '回访日期' });
  });

  it('Follow-up date beside a last purchase: later dates are the next follow-up (en)', () => {
    const values = [['Name', 'Phone', 'Last purchase', 'Follow-up date'],
      ...['Ann Lee', 'Bob Stone', 'Cat Wu', 'Dan Ross', 'Eve Hall'].map((n, i) => [n, `+1 415 555 26${i}1`, `2026-09-0${i + 1}`, `2026-12-0${i + 1}`])];
    expect(fieldsOf(values)).toMatchObject({ lastPurchase: 'Last purchase', nextFollowUp: 'Follow-up date' });
  });

  it('回访日期 with dates before the last purchase stays the last contact', () => {
    const values = [['客户名称', '手机', '最近购买日期', '回访日期'],
      ...names.map((n, i) => [n, phones[i], `2026-10-1${i}`, `2026-09-0${i + 1}`])];
    const fields = fieldsOf(values);
    expect(fields.lastContact).toBe('回访日期');
    expect(fields.nextFollowUp).toBeUndefined();
  });
});
