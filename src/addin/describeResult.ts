/** One line for an action's result, in the user's language: the pane's cards and the ribbon's outcome. */
import { paneStrings } from '../i18n/pane';
import { strings, type Locale } from '../i18n/strings';
import type { ActionResult } from './runAction';

export function describeResult(result: ActionResult, locale: Locale): string {
  const s = paneStrings(locale);
  switch (result.action) {
    case 'installTemplate':
      return result.summary.created ? s.templateCreated(result.summary.sheet) : s.templateExists(result.summary.sheet);
    case 'checkContacts': {
      const p = result.summary.phones;
      const m = result.summary.emails;
      const total = (r: Record<string, number>) => Object.entries(r).filter(([k]) => k !== 'empty').reduce((a, [, v]) => a + v, 0);
      const region = s.regionResult(strings(locale).regionLabel(result.summary.region, result.summary.regionSource === 'auto'));
      const incomplete = p.incomplete ? ` ${s.incompleteResult(p.incomplete)}` : '';
      return `${s.phonesResult(p.invalid ?? 0, total(p))}${incomplete} ${s.emailsResult(m.invalid ?? 0, m.suspect ?? 0, total(m))} ${region}`;
    }
    case 'computeTiers':
      return s.tiersResult(result.summary.asOf);
    case 'buildSummary':
      return s.summaryResult(result.summary.summarySheet, s.summaryMode[result.summary.mode] ?? result.summary.mode);
    case 'findDuplicates': {
      const g = result.summary.groups;
      const { archived, archiveSheet, backupSheet, merged } = result.summary;
      if (archived.length > 0 && archiveSheet && backupSheet) {
        return `${merged ? `${s.mergedResult(merged.cells, merged.formulasKept)} ` : ''}${s.archivedResult(archived.length, archiveSheet, backupSheet)}`;
      }
      return g.length === 0 ? s.noDuplicates : s.duplicatesResult(g.length, g.reduce((a, x) => a + x.rows.length, 0));
    }
    case 'exportMasked': {
      const m = result.summary;
      return result.downloaded ? s.maskedDownloaded(m.fileName, m.sheet, m.rows) : s.maskedOpened(m.sheet, m.rows);
    }
    case 'callListSheet':
      return s.callListSheetResult(result.summary.sheet, result.summary.count);
    case 'protectLedger': {
      const p = result.summary;
      return p.changed ? s.protectedResult(p.sheet, p.inputColumns.join(', '), p.password) : s.alreadyProtected(p.sheet);
    }
    case 'unprotectLedger':
      return result.summary.changed ? s.unprotectedResult(result.summary.sheet) : s.notProtected(result.summary.sheet);
    case 'hideColumns':
    case 'showColumns':
      return s.columnsHiddenResult(result.summary.columns.join(locale === 'zh-CN' ? '、' : ', '), result.summary.hidden);
    case 'removeAdded': {
      const r = result.summary;
      if (r.nothing) return s.removeAddedNothing;
      const columns = r.columns.reduce((n, p) => n + p.columns.length, 0);
      const sheets = r.sheets.filter((x) => x.remove).length;
      return r.applied ? s.removeAddedResult(columns, sheets, r.backupSheets[0] ?? null) : s.removeAddedPreview(columns, sheets);
    }
  }
}
