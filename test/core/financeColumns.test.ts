/** Finance columns by header: amounts in zh and en are found; dates, counts and means of payment are not. */
import { financeColumns, isFinanceHeader } from '../../src/core/financeColumns';

it.each(['累计消费金额', '成本', '毛利率', '单价（元）', '欠款', '应收账款', 'Total spend', 'Cost', 'Unit price', 'Balance owed', 'Commission', 'Margin %'])(
  '%s holds money', (h) => expect(isFinanceHeader(h)).toBe(true));

it.each(['客户姓名', '最近消费日期', '最近消费', '消费次数', '付款方式', '联系电话', 'Last purchase date', 'Payment method', 'Orders', 'Sales channel', 'Sales rep'])(
  '%s does not', (h) => expect(isFinanceHeader(h)).toBe(false));

it('the mapped total spend counts whatever its header says; a column mapped to another field never does', () => {
  const headers = [{ column: 'A', header: '姓名' }, { column: 'B', header: 'VIP值' }, { column: 'C', header: '成本' }, { column: 'D', header: '最近消费' },
    { column: 'E', header: 'Sales rep' }, { column: 'F', header: 'Price paid' }];
  const mapping = [{ field: 'name', column: 'A' }, { field: 'total', column: 'B' }, { field: 'lastPurchase', column: 'D' }, { field: 'owner', column: 'E' }];
  expect(financeColumns(headers, mapping)).toEqual(['B', 'C', 'F']);
  expect(financeColumns(headers, [])).toEqual(['C', 'F']);
});
