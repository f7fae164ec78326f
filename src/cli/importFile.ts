/**
 * `customer-ledger import LEDGER.xlsx FROM.csv|FROM.xlsx --out OUT.xlsx`: the rows of FROM matched
 * against the ledger; new customers added, known customers' blanks filled (unless --no-update), repeats
 * and possible matches left out and listed, all in a copy of the ledger (never over either input).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { importRows, type ActionContext } from '../actions';
import { decodeCsvBytes, parseCsv } from '../core/csv';
import { rankCustomerSheets } from '../core/workbookPick';
import type { Locale } from '../i18n/strings';
import { workbookLanguage } from './apply';
import { checkInputFile } from './inputFile';
import { tieNote } from './resultLines';
import { checkOutputPath, refuseOutputOverInput } from './outFile';
import { openWorkbookFile, refusalFor, saveWorkbookFile } from './workbookFile';

/** A FROM file or sheet the CLI cannot use: one line on stderr, exit 2. */
export class ImportRefusal extends Error {}

export interface ImportFileOptions {
  ledger: string;
  from: string;
  out: string;
  force: boolean;
  sheet?: string;
  fromSheet?: string;
  update: boolean;
  locale: Locale;
  now: Date;
  settings: ActionContext['settings'];
}

/** The incoming rows: a CSV's (UTF-8, UTF-16 or GBK) or the customer-like sheet of a workbook. */
async function readIncoming(file: string, sheet: string | undefined): Promise<unknown[][]> {
  if (/\.(csv|txt|tsv)$/i.test(file)) {
    const bytes = await fs.readFile(file).catch((err: NodeJS.ErrnoException) => {
      throw new ImportRefusal(err.code === 'ENOENT' ? `${file} does not exist.` : err.code === 'EISDIR' ? `${file} is a folder, not a CSV file.` : `${file} cannot be read (${err.code ?? err.message}).`);
    });
    return parseCsv(decodeCsvBytes(bytes).text);
  }
  await checkInputFile(file);
  const port = await openWorkbookFile(file);
  try {
    const states = port.sheetStates();
    if (sheet !== undefined) {
      if (!states.some((s) => s.name === sheet)) throw new ImportRefusal(`No sheet named "${sheet}" in ${file}. Sheets: ${states.map((s) => s.name).join(', ')}.`);
      return await port.readValues(sheet);
    }
    const sheets = [];
    for (const s of states) sheets.push({ name: s.name, values: await port.readValues(s.name), hidden: s.state !== 'visible' });
    const best = rankCustomerSheets(sheets)[0];
    if (!best) throw new ImportRefusal(`No sheet in ${file} looks like a customer list.`);
    return sheets.find((s) => s.name === best.name)!.values;
  } catch (err) {
    throw refusalFor(file, err);
  }
}

export async function runImport(o: ImportFileOptions): Promise<string[]> {
  await refuseOutputOverInput(o.out, o.ledger);
  await refuseOutputOverInput(o.out, o.from);
  await checkInputFile(o.ledger);
  await checkOutputPath(o.out, { force: o.force, input: o.ledger });
  const incoming = await readIncoming(o.from, o.fromSheet);
  const port = await openWorkbookFile(o.ledger);
  const zh = o.locale === 'zh-CN';
  try {
    const ctx: ActionContext = { port, locale: await workbookLanguage(port), now: o.now, sheet: o.sheet, settings: o.settings };
    const r = await importRows(ctx, { incoming, defaults: o.update ? {} : { same: 'skip' }, refresh: true });
    const count = (kind: string) => r.plan.rows.filter((x) => x.kind === kind).length;
    const lines = [zh
      ? `导入「${path.basename(o.from)}」到「${r.sheet}」：${r.plan.rows.length} 行客户，新增 ${r.added}，已有 ${count('same')}（补全 ${r.updated} 位的 ${r.cellsFilled} 个空白单元格），导入内重复 ${count('repeat')}，可能重复 ${count('possible')}（未导入）`
      : `import "${path.basename(o.from)}" into "${r.sheet}": ${r.plan.rows.length} customer rows, ${r.added} added, ${count('same')} already there (${r.cellsFilled} blank cells filled in ${r.updated} rows), ${count('repeat')} repeated within the file, ${count('possible')} possible matches (not imported)`];
    if (r.alternatives.length > 0) lines.unshift(tieNote(r.sheet, r.alternatives, o.locale));
    lines.push(zh ? `列：${r.plan.mapped.map((m) => `${m.from} → ${m.field}`).join('，')}` : `columns: ${r.plan.mapped.map((m) => `${m.from} → ${m.field}`).join(', ')}`);
    if (r.plan.notBrought.length > 0) lines.push(zh ? `未导入的列：${r.plan.notBrought.join('，')}` : `columns not brought in: ${r.plan.notBrought.join(', ')}`);
    for (const x of r.plan.rows.filter((y) => y.kind === 'possible')) {
      lines.push(zh ? `  可能重复：来源第 ${x.source} 行 ~ 台账第 ${x.match} 行` : `  possible: source row ${x.source} ~ ledger row ${x.match}`);
    }
    if (r.backupSheet) lines.push(zh ? `已备份到「${r.backupSheet}」` : `backed up to "${r.backupSheet}"`);
    if (r.refreshFailed.length > 0) {
      const what = r.refreshFailed.map((x) => (x === 'tiers' ? (zh ? '分层' : 'tiers') : (zh ? '电话与邮箱检查' : 'phone and email checks'))).join(zh ? '、' : ' and ');
      lines.push(zh ? `${what}列未能更新，请再运行 apply` : `${what} columns could not be brought up to date: run apply on the output`);
    }
    if (r.refreshed.length > 0) {
      const what = r.refreshed.map((x) => (x === 'tiers' ? (zh ? '分层' : 'tiers') : (zh ? '电话与邮箱检查' : 'phone and email checks'))).join(zh ? '、' : ' and ');
      lines.push(zh ? `已更新${what}列，新行也有了` : `${what} columns brought up to date, the new rows included`);
    }
    await saveWorkbookFile(port, o.out, { force: o.force, input: o.ledger });
    lines.push(zh ? `已保存：${o.out}` : `saved: ${o.out}`);
    return lines;
  } catch (err) {
    throw refusalFor(o.ledger, err);
  }
}
