/**
 * Build summary: one sheet a manager can read. Fixed-order tables computed in memory (core/summaryTables):
 * customers by value tier × status and tier × lifecycle, owner × status (who holds high-value customers
 * going quiet), revenue, customers, average and share by region, channel, owner, industry and category
 * (those the ledger has), new customers by first-purchase month, a data-quality block, the RFM segments
 * explained when the ledger has RFM columns, and a chart. Where Excel has PivotTables, live pivots of
 * tier × status and revenue by dimension sit below the tables (a pivot lists a new region on refresh; it
 * cannot keep tiers in their order, the tables do). In .xlsx files the tier × status counts and revenue
 * sums are live COUNTIFS/SUMIFS formulas, with a line that catches groups added after the build. The
 * plan's size follows the tables, not the rows (long dimensions fold into "other"). Rebuilding replaces
 * the add-in's own summary sheet (the registry names it and its title cell says so), never a user's
 * sheet of the same name, and never adds a second one.
 */
import { columnIndex, columnLetter } from '../core/columns';
import { lastDataRow } from '../core/report';
import { BLANK_KEY } from '../core/summary';
import { OTHER, SUMMARY_DIMENSIONS, UNKNOWN, summaryTablesSteps } from '../core/summaryTables';
import type { Locale } from '../i18n/strings';
import { SUMMARY_WORDS } from '../i18n/summary';
import type { WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, hostTurns, loadLedger, withTurns, type ActionContext, type Ledger } from './context';
import { planTiersFor } from './computeTiers';
import { OWNED_COLUMNS, SHEETS, summaryTitle, uniqueSheetName } from './names';
import { MAX_FORMULA_LENGTH, columnRange, equalsCriterion } from './formulaText';
import { ownSummarySheet } from './ownSheets';
import { PALETTE } from './palette';
import { settingsOps, settingsSheetName } from './settingsSheet';
import { groupCriteria } from './summaryCriteria';
import {
  blockCells, blockWidth, dimensionBlock, lifecycleBlock, monthBlock, ownerStatusBlock, qualityBlock, rfmBlock, tierBlock,
  type BlockId, type LiveCells, type SummaryBlock,
} from './summaryBlocks';
import { summaryRowsSteps } from './summaryRows';

export interface SummarySheetSummary {
  sheet: string;
  summarySheet: string;
  mode: 'pivot' | 'values' | 'formulas';
  /** Why there are no PivotTables although the host has them (no data rows yet, a column without a header). */
  fallback?: 'no-data-rows' | 'headerless-column';
  pivots: string[];
  charts: string[];
  /** The tables on the sheet, top to bottom ('tierByStatus', 'by-region', …, 'rfm' when the ledger has RFM columns, 'quality'). */
  tables: BlockId[];
}

/** The formula, or null where Excel could not hold it (over 8,192 characters): the computed number is written instead. */
function formulaOrNull(formula: string): string | null {
  return formula.length <= MAX_FORMULA_LENGTH ? formula : null;
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
  const locale = ledger.locale;
  const w = SUMMARY_WORDS[locale];
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
  const header = (col: number | undefined) => (col === undefined ? '' : String((ledger.values[headerIndex] ?? [])[col] ?? ''));
  const amountCol = tiers.columns.amount ?? (report.columns.total ? columnIndex(report.columns.total) : undefined);
  const tierCol = tiers.columns.valueTier;
  const statusCol = tiers.columns.statusTier;
  // Without an amount column there is nothing to sum: the tables count customers only.
  const hasAmount = amountCol !== undefined;
  const turn = hostTurns(ctx);
  const input = await withTurns(summaryRowsSteps(ledger, tiers.columns.rfmSegment !== undefined), turn);
  const tables = await withTurns(summaryTablesSteps(input.rows, {
    dimensions: SUMMARY_DIMENSIONS.filter((d) => input.dimensionColumns[d] !== undefined),
    hasFirstPurchase: input.hasFirstPurchase,
    hasRfm: tiers.columns.rfmSegment !== undefined,
    maxMonths: 36,
  }), turn);

  const pivots: string[] = [];
  const charts: string[] = [];
  // A PivotTable's source is the block from the first headed column to the last column (the tier columns
  // included); Excel refuses one with a headerless column or without a data row. Then the summary is
  // the tables alone, and says why.
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

  // A file's summary counts and sums live: COUNTIFS over the tier words the tier plan writes, SUMIFS
  // where Excel matches exactly the engine's group (summaryCriteria).
  let live: LiveCells | null = null;
  if (mode === 'formulas') {
    const range = (col: number) => columnRange(sheet, columnLetter(col), headerIndex + 2, lastRow);
    const criteria = new Map<string, Map<string, string | null>>();
    live = {
      tierStatus: (tier, status) => (tierCol === undefined || statusCol === undefined ? null
        : formulaOrNull(`=COUNTIFS(${range(tierCol)},${equalsCriterion(tier)},${range(statusCol)},${equalsCriterion(status)})`)),
      revenue: (table, key) => {
        const col = input.dimensionColumns[table.dimension];
        if (col === undefined || amountCol === undefined || key === OTHER) return null;
        let c = criteria.get(table.dimension);
        if (!c) {
          c = groupCriteria(ledger.values, report.rows, col, table.lines.map((g) => (g.key === UNKNOWN ? BLANK_KEY : g.key)));
          criteria.set(table.dimension, c);
        }
        const crit = c.get(key === UNKNOWN ? BLANK_KEY : key) ?? null;
        return crit === null ? null : formulaOrNull(`=SUMIFS(${range(amountCol)},${range(col)},${crit})`);
      },
      revenueTotal: amountCol === undefined ? null : `=SUM(${range(amountCol)})`,
    };
  }

  // The tables, one under another from A3, each made for the row it starts at.
  const makers: ((top: number) => SummaryBlock | null)[] = [
    (top) => tierBlock(tables, locale, top, live, ledger.terms),
    ...tables.dimensions.map((t) => (top: number) => dimensionBlock(t, header(input.dimensionColumns[t.dimension]) || w.revenueBy[t.dimension], locale, top,
      hasAmount ? live : null, hasAmount)),
    () => ownerStatusBlock(tables, locale, ledger.terms),
    () => lifecycleBlock(tables, locale),
    () => rfmBlock(tables, locale, ledger.terms),
    () => qualityBlock(input.quality, locale),
    // Last: the longest (a line a month).
    () => monthBlock(tables, locale, hasAmount),
  ];
  const placed: { block: SummaryBlock; top: number }[] = [];
  let top = 2;
  for (const make of makers) {
    const block = make(top);
    if (!block) continue;
    const cells = blockCells(block);
    ops.push({ op: 'writeBlock', sheet: summarySheet, row: top, col: 0, values: cells, numberFormats: block.formats });
    // One format per block, title and header rows together: each format call is a sizeable part of a
    // sync's request, and the sync budget is counted per action.
    ops.push({ op: 'format', sheet: summarySheet, address: `A${top + 1}:${columnLetter(cells[0]!.length - 1)}${top + 2}`, bold: true, ...PALETTE.header });
    placed.push({ block, top });
    top += cells.length + 1;
  }
  const tablesWidth = Math.max(...placed.map((p) => blockWidth(p.block)));

  if (mode === 'pivot') {
    // Below the tables, side by side: a pivot grows downwards (and to the right for the status
    // columns) on refresh, and Excel refuses overlapping pivots.
    ops.push({ op: 'writeBlock', sheet: summarySheet, row: top, col: 0, values: [[w.pivots]] });
    const at = { row: top + 2, col: 0 };
    const field = pivotFieldsOf(ledger, tiers.columns, locale, firstSourceCol, lastSourceCol);
    if (tierCol !== undefined && statusCol !== undefined) {
      ops.push({ op: 'writeBlock', sheet: summarySheet, row: at.row, col: at.col, values: [[w.byTier]] });
      ops.push({ op: 'pivot', sheet: summarySheet, name: 'LedgerTierByStatus', source, destination: `${columnLetter(at.col)}${at.row + 2}`,
        rows: [field(tierCol)], columns: [field(statusCol)], values: [{ field: field(tierCol), summarizeBy: 'count' }] });
      pivots.push('LedgerTierByStatus');
      // Its columns: the row labels, one per status, the grand total; and a gap.
      at.col += Math.max(6, 2 + tierItems(report.counts.statusTier)) + 1;
    }
    if (amountCol !== undefined) {
      for (const t of tables.dimensions) {
        const col = input.dimensionColumns[t.dimension]!;
        const name = `LedgerRevenueBy${t.dimension[0]!.toUpperCase()}${t.dimension.slice(1)}`;
        ops.push({ op: 'writeBlock', sheet: summarySheet, row: at.row, col: at.col, values: [[w.revenueBy[t.dimension]]] });
        ops.push({ op: 'pivot', sheet: summarySheet, name, source, destination: `${columnLetter(at.col)}${at.row + 2}`,
          rows: [field(col)], columns: [], values: [{ field: field(amountCol), summarizeBy: 'sum' }] });
        pivots.push(name);
        at.col += 3;
      }
    }
  }

  // The chart draws a table's plain cells (a chart over PivotTable cells would become a PivotChart of
  // the whole pivot, office-js #419): revenue by the first dimension, or customers by tier and status.
  const byDimension = tables.dimensions.find((t) => t.lines.length > 0);
  const chartOf = placed.find((p) => byDimension && p.block.id === `by-${byDimension.dimension}`) ?? placed.find((p) => p.block.id === 'tierByStatus');
  if (capabilities.charts && chartOf?.block.chart) {
    const title = byDimension && chartOf.block.id !== 'tierByStatus'
      ? (hasAmount ? w.chartRevenue : w.chartCustomers)[byDimension.dimension] : chartOf.block.title;
    const { columns, lines } = chartOf.block.chart;
    const first = chartOf.top + 2; // the header row, 1-based
    const left = columnLetter(tablesWidth + 1);
    const right = columnLetter(tablesWidth + 8);
    ops.push({ op: 'chart', sheet: summarySheet, name: 'LedgerRevenueChart', type: 'column', source: `A${first}:${columnLetter(columns - 1)}${first + lines}`,
      title, topLeft: `${left}3`, bottomRight: `${right}19` });
    charts.push('LedgerRevenueChart');
  }
  ops.push({ op: 'columnWidths', sheet: summarySheet, widths: [{ col: 0, width: 24 }, ...Array.from({ length: Math.max(0, tablesWidth - 1) }, (_, i) => ({ col: i + 1, width: 14 }))] });
  // The registry: the next rebuild replaces this sheet and nothing else. The tier plan above wrote the
  // settings sheet (made it when missing, with the rows a previous version's lacks).
  ops.push(...settingsOps({ ...ledger.stored, sheet: settingsSheetName(ledger.stored, locale), adopted: {} }, locale, { summarySheet }).ops);

  const summary: SummarySheetSummary = { sheet, summarySheet, mode, ...(fallback ? { fallback } : {}), pivots, charts,
    tables: placed.map((p) => p.block.id) };
  const description = locale === 'zh-CN' ? `重建「${summarySheet}」汇总表` : `Rebuild the "${summarySheet}" sheet`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger };
}

export async function buildSummary(ctx: ActionContext) {
  const { plan, summary } = await planBuildSummary(ctx);
  await applyPlan(ctx, plan);
  return summary;
}
