/**
 * `customer-ledger apply FILE.xlsx --out OUT.xlsx`: every action through the exceljs adapter. The input
 * is never written; original cells change only with an explicit --fix-* / --archive-duplicates flag,
 * and then only after a backup sheet; running it on its own output changes nothing more.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildSummary, checkContacts, computeTiers, exportMasked, findDuplicates, installTemplate, loadLedger, type ActionContext } from '../actions';
import type { Locale } from '../i18n/strings';
import { isOwnedSheet, SHEETS } from '../actions/names';
import { XlsxWorkbookPort } from '../workbook/xlsx/xlsxPort';
import { findUnsupportedParts, saveWorkbook } from '../workbook/xlsx/fileParts';

export const ACTIONS = ['template', 'contacts', 'tiers', 'duplicates', 'summary', 'masked'] as const;
export type ActionName = (typeof ACTIONS)[number];
/** Template adds a new empty sheet, masked a masked copy for sharing: only when asked. */
export const DEFAULT_ACTIONS: readonly ActionName[] = ['contacts', 'tiers', 'duplicates', 'summary'];

export class ApplyRefusal extends Error {}

export interface ApplyOptions {
  file: string;
  out: string;
  only: readonly ActionName[];
  /** The language of the messages printed. */
  locale: Locale;
  /** The language of the sheets and columns written; by default the ledger's own (Chinese headers → zh-CN). */
  workbookLocale?: Locale;
  now: Date;
  sheet?: string;
  settings?: ActionContext['settings'];
  fixPhones?: boolean;
  fixEmails?: boolean;
  acceptSuggestions?: boolean;
  archiveDuplicates?: boolean;
}

export function parseOnly(text: string | undefined): ActionName[] {
  if (text === undefined) return [...DEFAULT_ACTIONS];
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(ACTIONS as readonly string[]).includes(n));
  if (bad.length || names.length === 0) throw new ApplyRefusal(`--only takes a list of ${ACTIONS.join(', ')} (not "${bad.join(', ') || text}").`);
  // Always in the natural order, whatever order was typed: summary reads the tier columns.
  return ACTIONS.filter((a) => names.includes(a));
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/** Chinese when the first rows of any sheet hold Han characters: a Chinese ledger gets Chinese sheets and columns. */
export function workbookLanguage(workbook: ExcelJS.Workbook): Locale {
  // A workbook the add-in has worked on keeps the language it was first given.
  for (const locale of ['zh-CN', 'en-US'] as const) if (workbook.getWorksheet(SHEETS.settings[locale])) return locale;
  for (const ws of workbook.worksheets) {
    if (isOwnedSheet(ws.name)) continue;
    for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
      let han = false;
      ws.findRow(r)?.eachCell((cell) => { if (/\p{Script=Han}/u.test(String(cell.text))) han = true; });
      if (han) return 'zh-CN';
    }
  }
  return 'en-US';
}

export async function runApply(o: ApplyOptions): Promise<string[]> {
  if (samePath(o.file, o.out)) throw new ApplyRefusal('--out must be a new file: apply never writes over its input.');
  if (!fs.existsSync(o.file)) throw new ApplyRefusal(`File not found: ${o.file}`);
  const lost = await findUnsupportedParts(o.file);
  if (lost.length) {
    throw new ApplyRefusal(`${o.file} contains ${lost.join(', ')}, which this tool cannot keep when it writes a copy; ` +
      'use the Excel add-in for this workbook instead.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(o.file);
  } catch (err) {
    throw new ApplyRefusal(`${o.file} is not an .xlsx workbook (${(err as Error).message.split('\n')[0]}).`);
  }
  const port = new XlsxWorkbookPort(workbook);
  const ctx: ActionContext = { port, locale: o.workbookLocale ?? workbookLanguage(workbook), now: o.now, sheet: o.sheet, settings: o.settings };
  const zh = o.locale === 'zh-CN';
  const lines: string[] = [];
  if (!o.sheet && o.only.some((a) => a !== 'template')) {
    // Find the customer sheet once, so every action works on the same one, and say so when it was a
    // close call. A workbook without one is refused by the first action, with its own message.
    const ledger = await loadLedger(ctx).catch(() => null);
    if (ledger) {
      ctx.sheet = ledger.sheet;
      if (ledger.alternatives.length > 0) {
        const others = ledger.alternatives.map((n) => `"${n}"`).join(', ');
        lines.push(zh
          ? `注意：「${ledger.sheet}」和 ${others} 都像客户表；已使用「${ledger.sheet}」（数据行最多/靠前的一张）。要用另一张请加 --sheet 名称`
          : `note: "${ledger.sheet}" and ${others} all look like customer lists; used "${ledger.sheet}" (most data rows, then first in tab order). Choose another with --sheet NAME`);
      }
    }
  }
  for (const action of o.only) {
    switch (action) {
      case 'template': {
        const r = await installTemplate(ctx);
        lines.push(r.created ? (zh ? `模板：已新建「${r.sheet}」` : `template: created "${r.sheet}"`)
          : (zh ? `模板：已存在「${r.sheet}」，未重复创建` : `template: "${r.sheet}" already exists, not created again`));
        break;
      }
      case 'contacts': {
        const r = await checkContacts(ctx, { fixPhones: o.fixPhones, fixEmails: o.fixEmails, acceptSuggestions: o.acceptSuggestions });
        lines.push(zh
          ? `电话与邮箱：无效电话 ${r.phones.invalid ?? 0}，无效邮箱 ${r.emails.invalid ?? 0}，可疑邮箱 ${r.emails.suspect ?? 0}${r.fixes ? `；已备份到「${r.backupSheet}」并修正 ${r.fixes} 格` : ''}`
          : `contacts: ${r.phones.invalid ?? 0} invalid phones, ${r.emails.invalid ?? 0} invalid and ${r.emails.suspect ?? 0} suspect emails${r.fixes ? `; backed up to "${r.backupSheet}", fixed ${r.fixes} cells` : ''}`);
        break;
      }
      case 'tiers': {
        const r = await computeTiers(ctx);
        const live = Object.entries(r.live).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v ? 'formula' : 'values'}`).join(', ');
        lines.push(zh ? `客户分层：已写入（${live}）` : `tiers: written (${live})`);
        break;
      }
      case 'duplicates': {
        const r = await findDuplicates(ctx, { archive: o.archiveDuplicates });
        lines.push(zh
          ? `重复客户：${r.groups.length} 组${r.archived.length ? `；已备份并把 ${r.archived.length} 行移到「${r.archiveSheet}」` : ''}`
          : `duplicates: ${r.groups.length} groups${r.archived.length ? `; backed up, moved ${r.archived.length} rows to "${r.archiveSheet}"` : ''}`);
        break;
      }
      case 'summary': {
        const r = await buildSummary(ctx);
        lines.push(zh ? `汇总：已重建「${r.summarySheet}」（${r.mode === 'formulas' ? 'COUNTIFS/SUMIFS 公式' : r.mode}）`
          : `summary: rebuilt "${r.summarySheet}" (${r.mode === 'formulas' ? 'COUNTIFS/SUMIFS formulas' : r.mode})`);
        break;
      }
      case 'masked': {
        const r = await exportMasked(ctx);
        const cols = [...r.masked.phone, ...r.masked.email].join(', ') || '-';
        lines.push(zh ? `脱敏副本：「${r.maskedSheet}」，${r.rows} 行，已脱敏列 ${cols}${r.replaced ? `（替换了之前的「${r.replaced}」）` : ''}`
          : `masked: "${r.maskedSheet}", ${r.rows} rows, masked columns ${cols}${r.replaced ? ` (replaced "${r.replaced}")` : ''}`);
        break;
      }
    }
  }
  await saveWorkbook(workbook, o.out);
  lines.push(zh ? `已保存：${o.out}` : `saved: ${o.out}`);
  return lines;
}
