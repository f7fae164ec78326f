/**
 * Build summary: a summary sheet with real PivotTables (customers by value tier × status; revenue by
 * region, channel and owner) and a chart. Where Excel cannot make a PivotTable (no data row, a column
 * without a header) the same tables are written as values from core/summary; in .xlsx files as live
 * COUNTIFS/SUMIFS formulas. The chart never draws PivotTable cells (Excel would make it a PivotChart of
 * the whole pivot): beside pivots it gets a block of values of its own. Rebuilding replaces the add-in's
 * own summary sheet (the registry names it and its title cell says so), never a user's sheet of the
 * same name, and never adds a second one.
 */
import { columnIndex, columnLetter } from '../core/columns';
import { lastDataRow } from '../core/report';
import { BLANK_KEY, type GroupTotal } from '../core/summary';
import { STATUS_TIERS, VALUE_TIERS } from '../core/tiers';
import { strings, type Locale } from '../i18n/strings';
import type { CellInput, WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, loadLedger, type ActionContext, type Ledger } from './context';
import { planTiersFor } from './computeTiers';
import { OWNED_COLUMNS, SHEETS, SUMMARY_TITLE, summaryTitle, uniqueSheetName } from './names';
import { MAX_FORMULA_LENGTH, columnRange, equalsCriterion } from './formulaText';
import { ownSummarySheet } from './ownSheets';
import { settingsOps, settingsSheetName } from './settingsSheet';
import { groupCriteria } from './summaryCriteria';

export interface SummarySheetSummary {
  sheet: string;
  summarySheet: string;
  mode: 'pivot' | 'values' | 'formulas';
  /** Why the tables are values although the host has PivotTables (no data rows yet, a column without a header). */
  fallback?: 'no-data-rows' | 'headerless-column';
  pivots: string[];
  charts: string[];
}

const WORDS: Record<Locale, { title: string; byTier: string; byRegion: string; byChannel: string; byOwner: string;
  customers: string; revenue: string; total: string; blank: string; tier: string }> = {
  'zh-CN': { title: SUMMARY_TITLE['zh-CN'], byTier: '客户数：价值分层 × 客户状态', byRegion: '按地区的消费金额', byChannel: '按来源渠道的消费金额',
    byOwner: '按负责人的消费金额', customers: '客户数', revenue: '消费金额', total: '总计', blank: '（空白）', tier: '价值分层' },
  'en-US': { title: SUMMARY_TITLE['en-US'], byTier: 'Customers: value tier × status', byRegion: 'Revenue by region',
    byChannel: 'Revenue by channel', byOwner: 'Revenue by owner', customers: 'Customers', revenue: 'Revenue', total: 'Total',
    blank: '(blank)', tier: 'Value tier' },
};

/** A formula cell, or `value` where Excel could not hold the formula (over 8,192 characters). */
function formulaOr(formula: string, value: CellInput): CellInput {
  return formula.length <= MAX_FORMULA_LENGTH ? { formula } : value;
}

/**
 * The summary's name and the ops that make room for it. Ours is replaced under its own name; when it is
 * the only visible sheet (Excel refuses to delete that one) the new one is added first, under a free name.
 */
function summarySheetOps(ledger: Ledger, locale: Locale): { name: string; ops: WriteOp[] } {
  const own = ownSummarySheet(ledger.sheets, ledger.stored);
  // Not the name of a settings sheet this plan may add either.
  const taken = [...ledger.sheets.map((x) => x.name), settingsSheetName(ledger.stored, locale)];
  if (!own) {
    const name = uniqueSheetName(SHEETS.summary[locale], taken);
    return { name, ops: [{ op: 'addSheet', name }] };
  }
  if (ledger.sheets.some((x) => x.visible && x.name !== own)) {
    return { name: own, ops: [{ op: 'deleteSheet', name: own }, { op: 'addSheet', name: own }] };
  }
  const name = uniqueSheetName(SHEETS.summary[locale], taken);
  return { name, ops: [{ op: 'addSheet', name }, { op: 'deleteSheet', name: own }] };
}

/**
 * How many items a PivotTable row or column field over `col` can show: the distinct cells of the
 * source's rows (as Excel groups them: text without case), plus one for "(blank)".
 */
function distinctItems(ledger: Ledger, col: number, lastRow: number): number {
  const seen = new Set<string>();
  for (let r = ledger.headerIndex + 1; r < lastRow; r++) {
    const v = ledger.values[r]?.[col];
    if (v === null || v === undefined || v === '') continue;
    seen.add(typeof v === 'string' ? `s${v.toLowerCase()}` : `${typeof v}${String(v)}`);
  }
  return seen.size + 1;
}

/**
 * Items of a tier field in the pivot: the words the plan writes into the add-in's own column (what the
 * sheet held before does not count), and "(blank)" for rows that are not customers.
 */
function tierItems(counts: Record<string, number>): number {
  return Object.values(counts).filter((n) => n > 0).length + 1;
}

/** Excel's field names for a PivotTable source's headers: a repeated header is numbered (备注, 备注2), case ignored. */
export function pivotFieldNames(headers: readonly string[]): string[] {
  const taken = new Set(headers.map((h) => h.toLowerCase()));
  const used = new Set<string>();
  return headers.map((h) => {
    let name = h;
    if (h !== '' && used.has(h.toLowerCase())) {
      let k = 2;
      while (used.has(`${h}${k}`.toLowerCase()) || taken.has(`${h}${k}`.toLowerCase())) k++;
      name = `${h}${k}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Column → its field name in a pivot over columns first..last, headers as the plan leaves them. */
function pivotFieldsOf(ledger: Ledger, tierColumns: Partial<Record<keyof typeof OWNED_COLUMNS, number>>, locale: Locale, first: number, last: number): (col: number) => string {
  const owned = new Map<number, string>();
  for (const [id, col] of Object.entries(tierColumns) as [keyof typeof OWNED_COLUMNS, number | undefined][]) {
    if (col !== undefined) owned.set(col, OWNED_COLUMNS[id][locale]);
  }
  const headerRow = ledger.values[ledger.headerIndex] ?? [];
  const headers: string[] = [];
  for (let c = first; c <= last; c++) headers.push(owned.get(c) ?? String(headerRow[c] ?? ''));
  const names = pivotFieldNames(headers);
  return (col) => names[col - first] ?? headers[col - first] ?? '';
}

export async function planBuildSummary(ctx: ActionContext) {
  const capabilities = ctx.capabilities ?? await ctx.port.capabilities();
  const ledger = await loadLedger(ctx);
  const locale = ctx.locale;
  const w = WORDS[locale];
  const s = strings(locale);
  const tiers = await planTiersFor({ ...ctx, capabilities }, ledger);
  const { report, sheet, headerIndex } = ledger;
  const ops: WriteOp[] = [...tiers.plan.ops];

  const made = summarySheetOps(ledger, locale);
  const summarySheet = made.name;
  ops.push(...made.ops);
  // The title is the summary's marker (with the registry entry written below).
  ops.push({ op: 'writeBlock', sheet: summarySheet, row: 0, col: 0, values: [[summaryTitle(locale, sheet, report.asOf)]] });
  ops.push({ op: 'format', sheet: summarySheet, address: 'A1', bold: true });

  const lastRow = lastDataRow(report, headerIndex + 1);
  const header = (col: number | undefined) => (col === undefined ? null : String((ledger.values[headerIndex] ?? [])[col] ?? ''));
  const amountCol = tiers.columns.amount ?? (report.columns.total ? columnIndex(report.columns.total) : undefined);
  const tierCol = tiers.columns.valueTier;
  const statusCol = tiers.columns.statusTier;
  const groupCols = {
    region: report.columns.region ? columnIndex(report.columns.region) : undefined,
    channel: report.columns.channel ? columnIndex(report.columns.channel) : undefined,
    owner: report.columns.owner ? columnIndex(report.columns.owner) : undefined,
  };

  const sections: { key: 'region' | 'channel' | 'owner'; title: string; data: GroupTotal[] }[] = [
    { key: 'region' as const, title: w.byRegion, data: report.summary.revenueByRegion },
    { key: 'channel' as const, title: w.byChannel, data: report.summary.revenueByChannel },
    { key: 'owner' as const, title: w.byOwner, data: report.summary.revenueByOwner },
  ].filter((x) => groupCols[x.key] !== undefined && amountCol !== undefined);

  const pivots: string[] = [];
  const charts: string[] = [];
  // A PivotTable's source is the block from the first headed column to the last column (the tier columns
  // included); Excel refuses one with a headerless column or without a data row. Then the same tables
  // are written as values, and the summary says why.
  const headerRow = ledger.values[headerIndex] ?? [];
  const headed = (col: number) => String(headerRow[col] ?? '').trim() !== '' || Object.values(tiers.columns).includes(col);
  const lastSourceCol = Math.max(ledger.nextColumn - 1, ...Object.values(tiers.columns).filter((c): c is number => c !== undefined));
  let firstSourceCol = 0;
  while (firstSourceCol < lastSourceCol && !headed(firstSourceCol)) firstSourceCol++;
  const source = { sheet, address: `${columnLetter(firstSourceCol)}${headerIndex + 1}:${columnLetter(lastSourceCol)}${lastRow}` };
  let fallback: SummarySheetSummary['fallback'];
  if (capabilities.pivotTables) {
    if (report.rows.length === 0) fallback = 'no-data-rows';
    else for (let col = firstSourceCol; col <= lastSourceCol; col++) if (!headed(col)) fallback = 'headerless-column';
  }
  const mode: SummarySheetSummary['mode'] = capabilities.pivotTables && !fallback ? 'pivot' : capabilities.kind === 'xlsx' ? 'formulas' : 'values';
  // Layout: the tier table at A3, each revenue table in its own pair of columns to the right, past the
  // tier table's width (a PivotTable's, from the number of statuses: Excel refuses overlapping pivots).
  const tierAt = { row: 2, col: 0 };
  // Its columns: the row labels, one per status, the grand total.
  const firstSectionCol = mode === 'pivot' && statusCol !== undefined ? Math.max(8, 2 + tierItems(report.counts.statusTier) + 1) : 8;
  const sectionAt = (i: number) => ({ row: 2, col: firstSectionCol + i * 3 });
  // Pivot fields go by the names Excel gives the source's headers (a repeated header is numbered).
  const field = pivotFieldsOf(ledger, tiers.columns, locale, firstSourceCol, lastSourceCol);
  let chartSource: string | null = null;

  if (mode === 'pivot') {
    let tallest = 0;
    if (tierCol !== undefined && statusCol !== undefined) {
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: tierAt.row - 1, col: tierAt.col, values: [[w.byTier]] });
      ops.push({ op: 'pivot', sheet: summarySheet, name: 'LedgerTierByStatus', source, destination: `${columnLetter(tierAt.col)}${tierAt.row + 1}`,
        rows: [field(tierCol)], columns: [field(statusCol)], values: [{ field: field(tierCol), summarizeBy: 'count' }] });
      pivots.push('LedgerTierByStatus');
      // Caption and column-label rows, one per value tier, the grand total.
      tallest = 3 + tierItems(report.counts.valueTier);
    }
    sections.forEach((sec, i) => {
      const at = sectionAt(i);
      const name = `LedgerRevenueBy${sec.key[0]!.toUpperCase()}${sec.key.slice(1)}`;
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: at.row - 1, col: at.col, values: [[sec.title]] });
      ops.push({ op: 'pivot', sheet: summarySheet, name, source, destination: `${columnLetter(at.col)}${at.row + 1}`,
        rows: [field(groupCols[sec.key]!)], columns: [], values: [{ field: field(amountCol!), summarizeBy: 'sum' }] });
      pivots.push(name);
      // Caption row, one per group, the grand total.
      tallest = Math.max(tallest, 2 + distinctItems(ledger, groupCols[sec.key]!, lastRow));
    });
    // The chart's numbers as plain values below the pivots: a chart over PivotTable cells would become a
    // PivotChart of the whole pivot (office-js #419). The engine's totals are the pivot's.
    const sec = sections[0];
    if (capabilities.charts && sec) {
      const top = tierAt.row + tallest + 2;
      const rows: CellInput[][] = [[sec.title], [header(groupCols[sec.key]) ?? '', w.revenue], ...sec.data.map((g) => [g.key === BLANK_KEY ? w.blank : g.key, g.revenue])];
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: top, col: 0, values: rows, numberFormats: [undefined, '#,##0.00'] });
      ops.push({ op: 'format', sheet: summarySheet, address: `A${top + 2}:B${top + 2}`, bold: true, fill: '#DDEBF7' });
      chartSource = `A${top + 2}:B${top + 2 + sec.data.length}`;
    }
  } else {
    // Static values (Excel without pivots) or live formulas (files): the same table shapes.
    if (tierCol !== undefined && statusCol !== undefined) {
      const t = report.summary.tierByStatus;
      const rows: CellInput[][] = [[w.byTier], [w.tier, ...STATUS_TIERS.map((k) => s.statusTier[k]), w.total]];
      VALUE_TIERS.forEach((tier, i) => {
        const label = s.valueTier[tier];
        if (mode === 'formulas') {
          // The labels are the add-in's own words, so a criterion always exists; escaped all the same.
          const tr = columnRange(sheet, columnLetter(tierCol), headerIndex + 2, lastRow);
          const sr = columnRange(sheet, columnLetter(statusCol), headerIndex + 2, lastRow);
          const counts = t.counts[i] ?? [];
          rows.push([label, ...STATUS_TIERS.map((st, j) => formulaOr(`=COUNTIFS(${tr},${equalsCriterion(label)},${sr},${equalsCriterion(s.statusTier[st])})`, counts[j] ?? 0)),
            formulaOr(`=COUNTIF(${tr},${equalsCriterion(label)})`, counts.reduce((a, b) => a + b, 0))]);
        } else {
          const counts = t.counts[i] ?? [];
          rows.push([label, ...counts, counts.reduce((a, b) => a + b, 0)]);
        }
      });
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: tierAt.row - 1, col: tierAt.col, values: rows });
      ops.push({ op: 'format', sheet: summarySheet, address: `A${tierAt.row + 1}:${columnLetter(STATUS_TIERS.length + 1)}${tierAt.row + 1}`, bold: true, fill: '#DDEBF7' });
    }
    sections.forEach((sec, i) => {
      const at = sectionAt(i);
      const keyCol = groupCols[sec.key]!;
      const kr = columnRange(sheet, columnLetter(keyCol), headerIndex + 2, lastRow);
      const ar = columnRange(sheet, columnLetter(amountCol!), headerIndex + 2, lastRow);
      const rows: CellInput[][] = [[sec.title], [header(keyCol) ?? '', w.revenue]];
      // A group whose cells Excel would match differently from the engine, or whose criterion Excel
      // cannot hold, gets its computed number.
      const criteria = mode === 'formulas' ? groupCriteria(ledger.values, report.rows, keyCol, sec.data.map((g) => g.key)) : null;
      for (const g of sec.data) {
        const label = g.key === BLANK_KEY ? w.blank : g.key;
        const crit = criteria?.get(g.key) ?? null;
        rows.push([label, crit === null ? g.revenue : formulaOr(`=SUMIFS(${ar},${kr},${crit})`, g.revenue)]);
      }
      rows.push([w.total, mode === 'formulas' ? { formula: `=SUM(${ar})` } : report.summary.revenue]);
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: at.row - 1, col: at.col, values: rows, numberFormats: [undefined, '#,##0.00'] });
      ops.push({ op: 'format', sheet: summarySheet, address: `${columnLetter(at.col)}${at.row + 1}:${columnLetter(at.col + 1)}${at.row + 1}`, bold: true, fill: '#DDEBF7' });
    });
  }
  if (capabilities.charts && sections.length > 0) {
    // A chart of revenue by region: over the first revenue table (values or formulas), or the block of
    // values written for it below the pivots.
    const sec = sections[0]!;
    const at = sectionAt(0);
    const body = chartSource ?? `${columnLetter(at.col)}${at.row + 1}:${columnLetter(at.col + 1)}${at.row + 1 + sec.data.length}`;
    const top = chartSource ? Number(/\d+/.exec(chartSource)![0]) - 1 : Math.max(8, ...sections.map((x) => x.data.length + 6));
    const left = chartSource ? 'D' : 'A';
    const right = chartSource ? 'K' : 'H';
    ops.push({ op: 'chart', sheet: summarySheet, name: 'LedgerRevenueChart', type: 'column', source: body, title: sec.title,
      topLeft: `${left}${top}`, bottomRight: `${right}${top + 16}` });
    charts.push('LedgerRevenueChart');
  }
  ops.push({ op: 'columnWidths', sheet: summarySheet, widths: [{ col: 0, width: 14 }, ...sections.map((_, i) => ({ col: sectionAt(i).col, width: 16 }))] });
  // The registry: the next rebuild replaces this sheet and nothing else. The tier plan above wrote the
  // settings sheet (made it when missing, with the rows a previous version's lacks).
  ops.push(...settingsOps({ ...ledger.stored, sheet: settingsSheetName(ledger.stored, locale), adopted: {} }, locale, { summarySheet }).ops);

  const summary: SummarySheetSummary = { sheet, summarySheet, mode, ...(fallback ? { fallback } : {}), pivots, charts };
  const description = locale === 'zh-CN' ? `重建「${summarySheet}」汇总表` : `Rebuild the "${summarySheet}" sheet`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger };
}

export async function buildSummary(ctx: ActionContext) {
  const { plan, summary } = await planBuildSummary(ctx);
  await applyPlan(ctx, plan);
  return summary;
}
