/**
 * Which of a ledger's columns hold money — the ones a user hides before showing the sheet on a shared
 * screen or sending it on (the articles' 财务列): the column mapped as the customer's total spend, and any
 * column whose header names an amount (成本, 利润, 单价, 欠款, cost, margin, price…) unless it is mapped to a
 * field that holds no number. A default the user changes, not a verdict: the pane lists every column with
 * these ticked.
 */
import { FIELDS } from './fields';

const FINANCE_WORDS = [
  '金额', '成本', '利润', '毛利', '价格', '单价', '售价', '进价', '欠款', '应收', '应付', '收入', '余额', '折扣', '返点',
  '佣金', '提成', '付款', '回款', '预算', '报价', '销售额', '营业额', '工资', '费用',
  'amount', 'spend', 'spent', 'cost', 'profit', 'margin', 'price', 'revenue', 'balance', 'discount', 'commission', 'budget',
  'invoice', 'payment', 'paid', 'owed', 'owing', 'credit', 'salary', 'fee',
];

const WORD = new RegExp(FINANCE_WORDS.map((w) => (/^[a-z]+$/.test(w) ? `\\b${w}s?\\b` : w)).join('|'), 'i');

/** Words that make a header about something else: when money changed hands, how often, by what means. */
const NOT_MONEY = /日期|时间|次数|笔数|方式|渠道|date|time|count|times|method|channel|number of|#/i;

/** Whether a header names an amount of money. */
export function isFinanceHeader(header: string): boolean {
  const text = header.normalize('NFKC');
  return WORD.test(text) && !NOT_MONEY.test(text);
}

/** Fields whose values are numbers: a money header there is money, whatever the mapping made of it. */
const NUMERIC = new Set(FIELDS.filter((f) => f.type === 'amount' || f.type === 'integer').map((f) => f.id as string));

/**
 * The letters of the finance columns among `headers`: the column mapped as the total spend, and those whose
 * header names money unless the column is mapped to a field that holds no number (an owner "Sales rep", a date).
 */
export function financeColumns(headers: readonly { column: string; header: string }[], mapping: readonly { field: string; column: string }[]): string[] {
  const total = mapping.find((m) => m.field === 'total')?.column;
  const other = new Set(mapping.filter((m) => m.field !== 'total' && !NUMERIC.has(m.field)).map((m) => m.column));
  return headers.filter((h) => h.column === total || (!other.has(h.column) && isFinanceHeader(h.header))).map((h) => h.column);
}
