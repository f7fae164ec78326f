/**
 * `customer-ledger remove-added`: what the add-in added taken out of a copy of the workbook (its columns,
 * rules, summary and settings; archives and backups only with --archives / --backups), after a backup
 * of every sheet that loses columns. The input is never written.
 */
import { removeAdded, type RemoveAddedSummary } from '../actions/removeAdded';
import { paneStrings } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import { workbookLanguage } from './apply';
import { checkInputFile } from './inputFile';
import { refuseOutputOverInput } from './outFile';
import { openWorkbookFile, saveWorkbookFile } from './workbookFile';

export interface RemoveAddedCliOptions {
  file: string;
  out: string;
  archives: boolean;
  backups: boolean;
  force: boolean;
  /** Messages' language. */
  locale: Locale;
  now: Date;
}

/** The lines to print; the copy is written only when something was removed. */
export async function runRemoveAdded(o: RemoveAddedCliOptions): Promise<string[]> {
  await checkInputFile(o.file);
  await refuseOutputOverInput(o.out, o.file);
  const port = await openWorkbookFile(o.file);
  const summary = await removeAdded({ port, locale: await workbookLanguage(port), now: o.now }, { archives: o.archives, backups: o.backups });
  if (summary.applied) await saveWorkbookFile(port, o.out, { force: o.force, input: o.file });
  return removedLines(summary, o.locale, o.out);
}

function removedLines(s: RemoveAddedSummary, locale: Locale, out: string): string[] {
  const kindWord = (kind: string) => paneStrings(locale).removeAddedKinds[kind] ?? kind;
  const zh = locale === 'zh-CN';
  if (s.nothing) return [zh ? '没有助手添加的内容可移除；未写出文件。' : 'nothing the add-in added is left; no file written.'];
  const lines: string[] = [];
  for (const p of s.columns) {
    const list = p.columns.map((c) => `${c.letter} ${c.header}`).join(', ');
    lines.push(zh
      ? `「${p.sheet}」：${p.how === 'delete' ? '删除列' : '清空单元格（右侧或表外有您的内容，列保留）'} ${list}`
      : `"${p.sheet}": ${p.how === 'delete' ? 'deleted columns' : 'cleared cells (your cells lie beside them, so the columns stay)'} ${list}`);
  }
  for (const x of s.sheets) {
    lines.push(x.remove
      ? (zh ? `已删除工作表「${x.name}」（${kindWord(x.kind)}）` : `deleted sheet "${x.name}" (${kindWord(x.kind)})`)
      : (zh ? `保留工作表「${x.name}」（${kindWord(x.kind)}${x.keptBecause === 'template' ? '，模板的公式读取它' : x.keptBecause === 'records' ? '，它记录着保留的备份和归档，窗格靠它恢复备份' : '，用 --archives / --backups 删除'}）`
        : `kept sheet "${x.name}" (${kindWord(x.kind)}${x.keptBecause === 'template' ? ', the template\'s formulas read it' : x.keptBecause === 'records' ? '; it records the backups and archives kept, which the pane restores from' : '; --archives / --backups remove it'})`));
  }
  for (const b of s.backupSheets) lines.push(zh ? `备份：「${b}」` : `backup: "${b}"`);
  lines.push(zh ? `已写出 ${out}` : `wrote ${out}`);
  return lines;
}
