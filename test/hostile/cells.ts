/** One way to write a test workbook's cells for both hosts: plain values, formulas with results, errors. */
import type ExcelJS from 'exceljs';
import { XlError, type ErrorCode } from '../../src/sim/model/values';
import type { SimHost } from '../../src/sim';
import { columnLetter } from '../../src/core/columns';

export interface F { f: string; v: unknown }
export interface Err { err: ErrorCode }
export type Cell = string | number | boolean | null | F | Err;

export const formula = (f: string, v: unknown): F => ({ f, v });
export const error = (err: ErrorCode): Err => ({ err });

const isF = (c: Cell): c is F => c !== null && typeof c === 'object' && 'f' in c;
const isErr = (c: Cell): c is Err => c !== null && typeof c === 'object' && 'err' in c;

/** Into the simulator, as a saved workbook holds them (text stays text even when it starts with '='). */
export function seedSim(host: SimHost, sheet: string, rows: readonly (readonly Cell[])[]): void {
  const names = host.workbook.sheetNames();
  const s = names.includes(sheet) ? host.workbook.sheet(sheet) : host.workbook.addSheet(sheet);
  const model = host.workbook.model.sheet(sheet)!;
  rows.forEach((row, r) => row.forEach((c, col) => {
    const at = `${columnLetter(col)}${r + 1}`;
    if (c === null) return;
    if (isF(c)) s.seedFormula(at, c.f, c.v as never);
    else if (isErr(c)) model.store(r, col, { kind: 'value', value: XlError.of(c.err) });
    else model.store(r, col, { kind: 'value', value: c });
  }));
}

export function seedXlsx(ws: ExcelJS.Worksheet, rows: readonly (readonly Cell[])[]): void {
  rows.forEach((row, r) => row.forEach((c, col) => {
    if (c === null) return;
    const cell = ws.getCell(r + 1, col + 1);
    if (isF(c)) cell.value = { formula: c.f, result: c.v as never };
    else if (isErr(c)) cell.value = { error: c.err } as ExcelJS.CellErrorValue;
    else cell.value = c;
  }));
}

/** A small Chinese ledger: 6 customers, two of them the same person (same mobile). */
export const HEADER = ['客户姓名', '公司名称', '联系电话', '电子邮箱', '最近购买日期', '购买次数', '累计消费金额', '备注'];
export function smallLedger(): Cell[][] {
  return [
    HEADER,
    ['张三', '北京华信科技有限公司', '13800138000', 'zhangsan@qq.com', 46000, 3, 12000, null],
    ['李四', '上海鼎盛贸易有限公司', '139 0013 9000', 'lisi@163.con', 45500, 1, 800, null],
    ['王五', '广州新锐餐饮有限公司', '12345', 'wangwu@', 45000, 0, null, null],
    ['赵六', '深圳恒通物流有限公司', '+86 186-1234-5678', 'zhaoliu@sina.com', 46300, 5, 56000, null],
    ['张三', '北京华信科技有限公司', '138-0013-8000', 'zhangsan@qq.com', 46010, 2, 3000, null],
    ['孙七', '杭州启明医疗有限公司', null, null, null, null, null, null],
  ];
}
