/**
 * The pane's and the ribbon's one way into the actions: builds the port over the host, runs the
 * action, returns its summary tagged with the action's id. No React, no DOM.
 */
import type { ActionContext, BackupInfo, CheckContactsSummary, DuplicatesSummary, FindDuplicatesOptions, MaskedSummary, RestoreSummary, SummarySheetSummary, TemplateSummary, TierColumnsSummary } from '../../actions';
import type { ActionProgress } from '../../actions/context';
import { columnLetter as letter } from '../../core/a1';
import type { Report } from '../../core/report';
import type { Settings } from '../../core/settings';
import type { ActionId } from '../../i18n/pane';
import { paneStrings } from '../../i18n/pane';
import type { Locale } from '../../i18n/strings';
import type { PaneHost } from './host';

export type ActionResult =
  | { action: 'installTemplate'; summary: TemplateSummary }
  | { action: 'checkContacts'; summary: CheckContactsSummary }
  | { action: 'computeTiers'; summary: TierColumnsSummary }
  | { action: 'buildSummary'; summary: SummarySheetSummary }
  | { action: 'findDuplicates'; summary: DuplicatesSummary }
  /** `downloaded`: the host saved the new workbook as a file (the playground) instead of opening it. */
  | { action: 'exportMasked'; summary: MaskedSummary; downloaded: boolean };

export type { ActionProgress, BackupInfo, RestoreSummary };

/** Stop and progress of a run (the pane's Cancel button and progress bar, its change watch). */
export interface RunControlOptions {
  /** Aborted by Cancel, or with WorkbookError('edited') by the change watch; ignored once writing started. */
  signal?: AbortSignal;
  onProgress?: (p: ActionProgress) => void;
}

export interface RunOptions extends RunControlOptions {
  /** The customer sheet the user chose (otherwise found). */
  sheet?: string;
  duplicates?: FindDuplicatesOptions;
}

/** The longest the analysis holds the pane's thread before giving it a turn (paint, clicks, Cancel). */
export const SLICE_MS = 50;

type Engine = typeof import('./engine');
let engine: Promise<Engine> | null = null;

/** The heavy part, loaded once on first use. */
export function loadEngine(): Promise<Engine> {
  engine ??= import(/* webpackChunkName: "ledger-engine" */ './engine');
  return engine;
}

async function context(host: PaneHost, locale: Locale, sheet?: string, control: RunControlOptions = {}) {
  const e = await loadEngine();
  const ctx: ActionContext = { port: new e.ExcelWorkbookPort(host), locale, now: new Date(), sheet, sliceMs: SLICE_MS };
  if (control.signal) ctx.signal = control.signal;
  if (control.onProgress) ctx.onProgress = control.onProgress;
  return { e, ctx };
}

export async function runAction(id: ActionId, host: PaneHost, locale: Locale, options: RunOptions = {}): Promise<ActionResult> {
  const { e, ctx } = await context(host, locale, options.sheet, options);
  switch (id) {
    case 'installTemplate':
      return { action: id, summary: await e.installTemplate(ctx) };
    case 'checkContacts':
      return { action: id, summary: await e.checkContacts(ctx) };
    case 'computeTiers':
      return { action: id, summary: await e.computeTiers(ctx) };
    case 'buildSummary':
      return { action: id, summary: await e.buildSummary(ctx) };
    case 'findDuplicates':
      return { action: id, summary: await e.findDuplicates(ctx, options.duplicates) };
    case 'exportMasked':
      return { action: id, summary: await e.exportMasked(ctx), downloaded: host.newWorkbook === 'download' };
  }
}

/** What the first screen shows about the workbook. */
export type WorkbookView =
  | { kind: 'empty'; sheets: string[]; settings: Settings; backups: BackupInfo[] }
  | { kind: 'no-sheet'; sheets: string[]; settings: Settings; backups: BackupInfo[] }
  | { kind: 'ready'; sheets: string[]; settings: Settings; backups: BackupInfo[]; sheet: string; headerRow: number; dataRows: number;
      /** Other sheets that looked just as much like the customer list (found, not chosen): the pane asks. */
      alternatives: string[];
      mapping: Report['mapping']; headers: { column: string; header: string }[];
      /** The sheet has the columns "Check phones & emails" adds (live checking can keep them up to date). */
      checkColumns: boolean };

export async function readWorkbook(host: PaneHost, locale: Locale, sheet?: string, control: RunControlOptions = {}): Promise<WorkbookView> {
  const { e, ctx } = await context(host, locale, sheet, control);
  const sheets = await ctx.port.listSheets();
  const names = sheets.map((s) => s.name);
  // The backups the add-in made (Restore lists them); a workbook it cannot list them in still opens.
  const backups = await e.listBackups(ctx).catch((): BackupInfo[] => []);
  if (sheets.every((s) => s.rowCount === 0)) {
    const stored = await e.readWorkbookSettings(ctx.port, sheets);
    return { kind: 'empty', sheets: names, settings: stored.settings, backups };
  }
  try {
    const ledger = await e.loadLedger(ctx);
    const headerRow = ledger.values[ledger.headerIndex] ?? [];
    const headers = headerRow.map((h, i) => ({ column: letter(i), header: h === null || h === undefined ? '' : String(h) }))
      .filter((h, i) => h.header.trim() !== '' && !Object.values(ledger.owned).includes(i));
    return { kind: 'ready', sheets: names, settings: ledger.settings, backups, sheet: ledger.sheet, alternatives: ledger.alternatives, headerRow: ledger.report.headerRow,
      dataRows: ledger.report.dataRows, mapping: ledger.report.mapping, headers,
      checkColumns: ledger.owned.phoneCheck !== undefined || ledger.owned.emailCheck !== undefined };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const name = (err as { name?: unknown }).name;
    if ((name === 'WorkbookError' && code === 'not-found' && !sheet) || name === 'AnalyzeError') {
      const stored = await e.readWorkbookSettings(ctx.port, sheets);
      return { kind: 'no-sheet', sheets: names, settings: stored.settings, backups };
    }
    throw err;
  }
}

/**
 * Puts a backup's contents back into the sheet it copies, after a new backup of that sheet as it is
 * (so the restore can be undone). `sheet`: the sheet to restore when the backup's own record cannot tell.
 */
export async function restoreFromBackup(host: PaneHost, locale: Locale, backupSheet: string, options: RunOptions = {}): Promise<RestoreSummary> {
  const { e, ctx } = await context(host, locale, options.sheet, options);
  return e.restoreBackup(ctx, { backupSheet });
}

export interface SettingsInput {
  region: string;
  asOf: string;
  highPercentile: string;
  mediumPercentile: string;
  activeDays: string;
  dormantDays: string;
  returningOrders: string;
}

export function settingsInput(s: Settings): SettingsInput {
  const t = s.thresholds;
  return { region: s.region, asOf: s.asOf ?? '', highPercentile: String(t.highPercentile), mediumPercentile: String(t.mediumPercentile),
    activeDays: String(t.activeDays), dormantDays: String(t.dormantDays), returningOrders: String(t.returningOrders) };
}

/** Validates (zod: a ZodError on bad input) and writes the settings to the workbook's settings sheet. */
export async function saveSettings(host: PaneHost, locale: Locale, input: SettingsInput): Promise<Settings> {
  const { e, ctx } = await context(host, locale);
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const settings = e.parseSettings({
    region: input.region.trim().toUpperCase() || undefined,
    asOf: input.asOf.trim() || null,
    thresholds: { highPercentile: num(input.highPercentile), mediumPercentile: num(input.mediumPercentile), activeDays: num(input.activeDays),
      dormantDays: num(input.dormantDays), returningOrders: num(input.returningOrders) },
  });
  const sheets = await ctx.port.listSheets();
  const stored = await e.readWorkbookSettings(ctx.port, sheets);
  const t = settings.thresholds;
  const { ops } = e.settingsOps(stored, locale, { region: settings.region, asOf: settings.asOf, highPercentile: t.highPercentile,
    mediumPercentile: t.mediumPercentile, activeDays: t.activeDays, dormantDays: t.dormantDays, returningOrders: t.returningOrders });
  await ctx.port.apply({ description: paneStrings(locale).saveSettings, ops });
  return settings;
}

/** Stores the user's column choices (field → 0-based column) for the customer sheet. */
export async function saveMapping(host: PaneHost, locale: Locale, sheet: string, mapping: Record<string, number>): Promise<void> {
  const { e, ctx } = await context(host, locale);
  const sheets = await ctx.port.listSheets();
  const stored = await e.readWorkbookSettings(ctx.port, sheets);
  const { ops } = e.settingsOps(stored, locale, { customerSheet: sheet, mapping: JSON.stringify(mapping) });
  await ctx.port.apply({ description: paneStrings(locale).mappingSave, ops });
}

/** One line for a result (the ribbon's notification). */
export function describeResult(result: ActionResult, locale: Locale): string {
  const s = paneStrings(locale);
  switch (result.action) {
    case 'installTemplate':
      return result.summary.created ? s.templateCreated(result.summary.sheet) : s.templateExists(result.summary.sheet);
    case 'checkContacts': {
      const p = result.summary.phones;
      const m = result.summary.emails;
      const total = (r: Record<string, number>) => Object.entries(r).filter(([k]) => k !== 'empty').reduce((a, [, v]) => a + v, 0);
      return `${s.phonesResult(p.invalid ?? 0, total(p))} ${s.emailsResult(m.invalid ?? 0, m.suspect ?? 0, total(m))}`;
    }
    case 'computeTiers':
      return s.tiersResult(result.summary.asOf);
    case 'buildSummary':
      return s.summaryResult(result.summary.summarySheet, s.summaryMode[result.summary.mode] ?? result.summary.mode);
    case 'findDuplicates': {
      const g = result.summary.groups;
      return g.length === 0 ? s.noDuplicates : s.duplicatesResult(g.length, g.reduce((a, x) => a + x.rows.length, 0));
    }
    case 'exportMasked': {
      const m = result.summary;
      return result.downloaded ? s.maskedDownloaded(m.fileName, m.sheet, m.rows) : s.maskedOpened(m.sheet, m.rows);
    }
  }
}
