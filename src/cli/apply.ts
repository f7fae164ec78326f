/**
 * `customer-ledger apply FILE.xlsx --out OUT.xlsx`: every action through the exceljs adapter. The input
 * is never written; original cells change only with an explicit --fix-* / --archive-duplicates flag,
 * and then only after a backup sheet; running it on its own output changes nothing more.
 */
import type { RfmSegment } from '../core/rfm';
import { RFM_SEGMENT_WORDS } from '../i18n/rfm';
import { withTerms } from '../i18n/terms';
import { buildMaskedCopy, buildSummary, checkContacts, computeTiers, findDuplicates, installTemplate, loadLedger, type ActionContext } from '../actions';
import type { Locale } from '../i18n/strings';
import { readWorkbookSettings } from '../actions/settingsSheet';
import { ownedSheetNames } from '../actions/ownSheets';
import type { WorkbookPort } from '../workbook/port';
import { checkInputFile } from './inputFile';
import { plural, tieNote, tiersLine } from './resultLines';
import { checkOutputPath, refuseOutputOverInput, writeOutputFile } from './outFile';
import { openWorkbookFile, refusalFor, saveWorkbookFile } from './workbookFile';

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
  /** How --fix-phones writes numbers: 'local' (the region's own format, default) or 'e164'. */
  phoneStyle?: 'local' | 'e164';
  fixEmails?: boolean;
  acceptSuggestions?: boolean;
  archiveDuplicates?: boolean;
  /** Also write RFM score and segment columns with the tiers. */
  rfm?: boolean;
  /** Fold each group into its kept row, then archive the others. */
  mergeDuplicates?: boolean;
  /** Replace an existing --out file (never the input). */
  force?: boolean;
}

/**
 * `--only masked`: --out gets the masked copy alone, a workbook of its own with one sheet of masked
 * values — nothing else of the input (its other sheets, hidden ones, notes, the unmasked rows) is in it.
 */
async function writeMaskedCopy(o: ApplyOptions, ctx: ActionContext, force: boolean): Promise<string[]> {
  const zh = o.locale === 'zh-CN';
  const copy = await buildMaskedCopy(ctx);
  await writeOutputFile(o.out, [copy.file], { force, input: o.file });
  const r = copy.summary;
  const cols = [...r.masked.phone, ...r.masked.email].join(', ') || '-';
  const hidden = r.leftOut.hidden.length ? (zh ? `；未复制隐藏列 ${r.leftOut.hidden.join(', ')}` : `; hidden columns ${r.leftOut.hidden.join(', ')} left out`) : '';
  return [
    zh ? `脱敏副本：「${r.sheet}」的 ${r.rows} 行，已脱敏列 ${cols}，文字中另有 ${r.maskedInText} 格${hidden}`
      : `masked: ${r.rows} rows of "${r.sheet}", masked columns ${cols}, and ${r.maskedInText} cells inside text${hidden}`,
    zh ? `已保存（只含脱敏数据的新工作簿）：${o.out}` : `saved (a new workbook holding only masked data): ${o.out}`,
  ];
}

export function parseOnly(text: string | undefined): ActionName[] {
  if (text === undefined) return [...DEFAULT_ACTIONS];
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !(ACTIONS as readonly string[]).includes(n));
  if (bad.length || names.length === 0) throw new ApplyRefusal(`--only takes a list of ${ACTIONS.join(', ')} (not "${bad.join(', ') || text}").`);
  if (names.includes('masked') && names.some((n) => n !== 'masked')) {
    throw new ApplyRefusal('--only masked writes a workbook of its own (the masked copy): run it on its own, not with other actions.');
  }
  // Always in the natural order, whatever order was typed: summary reads the tier columns.
  return ACTIONS.filter((a) => names.includes(a));
}

/** Chinese when the first rows of a user's sheet hold Han characters: a Chinese ledger gets Chinese sheets and columns. */
export async function workbookLanguage(port: WorkbookPort): Promise<Locale> {
  const sheets = await port.listSheets();
  const stored = await readWorkbookSettings(port, sheets);
  // A workbook the add-in has worked on keeps the language it was first given.
  if (stored.locale) return stored.locale;
  const ours = new Set(ownedSheetNames(sheets, stored));
  for (const s of sheets) {
    if (ours.has(s.name) || s.rowCount === 0) continue;
    const [rows] = await port.readAreas(s.name, [{ row: 0, col: 0, rows: Math.min(s.rowCount, 10), cols: Math.min(s.columnCount, 64) }]);
    if (rows!.some((row) => row.some((v) => typeof v === 'string' && /\p{Script=Han}/u.test(v)))) return 'zh-CN';
  }
  return 'en-US';
}

export async function runApply(o: ApplyOptions): Promise<string[]> {
  const force = o.force ?? false;
  // The input is never the output, even a file we could not read; then the input is looked at before
  // any library reads it, and --out before the work (a refusal now rather than after minutes).
  await refuseOutputOverInput(o.out, o.file);
  await checkInputFile(o.file);
  await checkOutputPath(o.out, { force, input: o.file });
  const port = await openWorkbookFile(o.file);
  try {
    return await applyActions(o, port, force);
  } catch (err) {
    throw refusalFor(o.file, err);
  }
}

async function applyActions(o: ApplyOptions, port: Awaited<ReturnType<typeof openWorkbookFile>>, force: boolean): Promise<string[]> {
  const ctx: ActionContext = { port, locale: o.workbookLocale ?? await workbookLanguage(port), now: o.now, sheet: o.sheet, settings: o.settings };
  if (o.only.includes('masked')) return writeMaskedCopy(o, ctx, force);
  const zh = o.locale === 'zh-CN';
  const lines: string[] = [];
  if (!o.sheet && o.only.some((a) => a !== 'template')) {
    // Find the customer sheet once, so every action works on the same one, and say so when it was a
    // close call. A workbook without one is refused by the first action, with its own message.
    const ledger = await loadLedger(ctx).catch(() => null);
    if (ledger) {
      ctx.sheet = ledger.sheet;
      if (ledger.alternatives.length > 0) lines.push(tieNote(ledger.sheet, ledger.alternatives, o.locale));
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
        const r = await checkContacts(ctx, { fixPhones: o.fixPhones, phoneStyle: o.phoneStyle, fixEmails: o.fixEmails, acceptSuggestions: o.acceptSuggestions });
        lines.push(zh
          ? `电话与邮箱：无效电话 ${r.phones.invalid ?? 0}，无效邮箱 ${r.emails.invalid ?? 0}，可疑邮箱 ${r.emails.suspect ?? 0}${r.fixes ? `；已备份到「${r.backupSheet}」并修正 ${r.fixes} 格` : ''}`
          : `contacts: ${plural(r.phones.invalid ?? 0, 'invalid phone')}, ${r.emails.invalid ?? 0} invalid and ${plural(r.emails.suspect ?? 0, 'suspect email')}${r.fixes ? `; backed up to "${r.backupSheet}", fixed ${plural(r.fixes, 'cell')}` : ''}`);
        break;
      }
      case 'tiers': {
        const r = await computeTiers(ctx, { rfm: o.rfm });
        lines.push(tiersLine(r, o.locale));
        if (r.rfmSegments) {
          const words = withTerms(RFM_SEGMENT_WORDS[o.locale], r.terms);
          const parts = Object.entries(r.rfmSegments).sort((x, y) => y[1] - x[1]).map(([k, n]) => `${words[k as RfmSegment]} ${n}`);
          lines.push(zh ? `RFM 分群：${parts.join('，')}` : `RFM segments: ${parts.join(', ')}`);
        }
        break;
      }
      case 'duplicates': {
        const r = await findDuplicates(ctx, { archive: o.archiveDuplicates, merge: o.mergeDuplicates });
        lines.push(zh
          ? `重复客户：${r.groups.length} 组${r.merged ? `；合并到保留行 ${r.merged.cells} 个单元格${r.merged.formulasKept ? `（${r.merged.formulasKept} 个公式未改）` : ''}` : ''}${r.archived.length ? `；已备份并把 ${r.archived.length} 行移到「${r.archiveSheet}」` : ''}`
          : `duplicates: ${plural(r.groups.length, 'group')}${r.merged ? `; merged ${plural(r.merged.cells, 'cell')} into the kept rows${r.merged.formulasKept ? ` (${plural(r.merged.formulasKept, 'formula')} left as ${r.merged.formulasKept === 1 ? 'it was' : 'they were'})` : ''}` : ''}${r.archived.length ? `; backed up, moved ${plural(r.archived.length, 'row')} to "${r.archiveSheet}"` : ''}`);
        break;
      }
      case 'summary': {
        const r = await buildSummary(ctx);
        lines.push(zh ? `汇总：已重建「${r.summarySheet}」（${r.mode === 'pivot' ? '数据透视表' : r.mode === 'formulas' ? '公式，随台账更新' : '本次运行时的数字'}）`
          : `summary: rebuilt "${r.summarySheet}" (${r.mode === 'pivot' ? 'PivotTables' : r.mode === 'formulas' ? 'formulas that follow the ledger' : 'figures as of this run'})`);
        break;
      }
      case 'masked':
        break; // a file of its own: see applyActions' start
    }
  }
  await saveWorkbookFile(port, o.out, { force, input: o.file });
  lines.push(zh ? `已保存：${o.out}` : `saved: ${o.out}`);
  return lines;
}
