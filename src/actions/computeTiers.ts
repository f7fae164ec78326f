/**
 * Compute tiers: value tier, status and lifecycle columns beside the customer data. Where the sheet's
 * cells are clean (numbers, real dates) the columns are live formulas reading the thresholds from the
 * settings sheet, so they follow the user's edits; otherwise they are values computed by the engine
 * (a formula over "¥1,200" text would be silently wrong).
 */
import { columnIndex, columnLetter } from '../core/columns';
import { lastDataRow, type ReportRow } from '../core/report';
import { STRINGS, type Locale } from '../i18n/strings';
import { DORMANT_WORDS, ledgerStrings, sayTerms, type LedgerTerms } from '../i18n/terms';
import type { CellInput, WritePlan, WriteOp } from '../workbook/port';
import { applyPlan, hostTurns, reportRowOf, loadLedger, outputColumns, registerColumns, type ActionContext, type Ledger } from './context';
import { columnBlocksInSlices, dataAddress } from './blocks';
import { OWNED_COLUMNS } from './names';
import { settingRef, settingsOps } from './settingsSheet';
import { columnRange, textLiteral } from './formulaText';
import { replaceOverdueRule } from './followUpFormat';
import { rfmScores, type RfmScore } from '../core/rfm';
import { RFM_SEGMENT_WORDS, rfmScoreText } from '../i18n/rfm';
import { PALETTE } from './palette';

export interface TierColumnsSummary {
  sheet: string;
  /** Which columns are live formulas (true) or values (false); absent when the sheet lacks the inputs. */
  live: { valueTier?: boolean; statusTier?: boolean; lifecycle?: boolean };
  counts: { valueTier: Record<string, number>; statusTier: Record<string, number>; lifecycle: Record<string, number> };
  asOf: string;
  /** The ledger's words the columns were written in (front ends say the same). */
  terms: LedgerTerms;
  /** Customers per RFM segment, when the RFM columns were written. */
  rfmSegments?: Record<string, number>;
}

const q = textLiteral;

/** Every data cell of a column is a number (or, with allowBlank, blank). Dates from exceljs are Date objects. */
async function cleanNumeric(ledger: Ledger, letter: string | undefined, allowBlank: boolean, turn: () => Promise<void>): Promise<boolean> {
  if (!letter) return false;
  const col = columnIndex(letter);
  const rows = ledger.report.rows;
  for (let from = 0; from < rows.length; from += ROWS_PER_CHECK_STEP) {
    if (from > 0) await turn();
    if (!numericRows(ledger, col, allowBlank, from, Math.min(rows.length, from + ROWS_PER_CHECK_STEP))) return false;
  }
  return true;
}

/** Data rows checked between two turns of cleanNumeric (a million rows in one go held the pane too long). */
const ROWS_PER_CHECK_STEP = 131072;

/** Rows from..to−1 of the report hold numbers (or dates) in the column, or blanks where allowed. */
function numericRows(ledger: Ledger, col: number, allowBlank: boolean, from: number, to: number): boolean {
  const rows = ledger.report.rows;
  for (let i = from; i < to; i++) {
    const v = ledger.values[rows[i]!.row - 1]?.[col];
    if (v === null || v === undefined || v === '') {
      if (!allowBlank) return false;
    } else if (typeof v !== 'number' && !(v instanceof Date)) return false;
  }
  return true;
}

export const TIER_STYLES: Record<string, { fill: string; fontColor: string }> = {
  high: PALETTE.high,
  lost: PALETTE.lost,
  dormant: PALETTE.dormant,
};

/** A rule that matches the word in either language, so switching language keeps one rule. */
export function wordRule(ref: string, words: readonly string[]): string {
  return `=OR(${[...new Set(words)].map((w) => `${ref}=${q(w)}`).join(',')})`;
}

/** A tier word in every language, Chinese in the given term: the words a tier column's rule matches. */
export function tierWords(kind: 'valueTier' | 'statusTier', key: string, terms?: LedgerTerms): string[] {
  return Object.values(STRINGS).map((l) => sayTerms((l[kind] as Record<string, string>)[key]!, terms));
}

/** A tier column's rule formula in each of the ledger's possible terms (沉睡 or 休眠), once each. */
export function tierRuleVariants(ref: string, kind: 'valueTier' | 'statusTier', key: string): string[] {
  return [...new Set(DORMANT_WORDS.map((dormant) => wordRule(ref, tierWords(kind, key, { dormant }))))];
}

/**
 * A formula cell whose text is made when it is read: the adapters read it a request's rows at a time,
 * and the text dies young. Held in the plan, a million rows' formula texts reached the old generation,
 * and collecting them held the pane while the plan was made (docs/PERFORMANCE.md).
 */
class RowFormula {
  constructor(private readonly pieces: readonly string[], private readonly row: number) {}
  get formula(): string {
    return this.pieces.join(String(this.row));
  }
  /** As JSON, the plain cell it stands for (a plan's size is estimated from its JSON). */
  toJSON(): { formula: string } {
    return { formula: this.formula };
  }
}

export interface TierOptions {
  /**
   * Also write recency–frequency–monetary columns (scores and segment). Once written they are kept up
   * to date by every later run, asked or not.
   */
  rfm?: boolean;
}

export async function planComputeTiers(ctx: ActionContext, options: TierOptions = {}) {
  const ledger = await loadLedger(ctx);
  return planTiersFor(ctx, ledger, options);
}

/** The tier columns for an already loaded ledger (buildSummary reuses it). */
export async function planTiersFor(ctx: ActionContext, ledger: Ledger, options: TierOptions = {}) {
  const { report, sheet, headerIndex } = ledger;
  const locale: Locale = ledger.locale;
  const terms = ledger.terms;
  const s = ledgerStrings(locale, terms);
  const c = report.columns;
  const hasValue = Boolean(c.total);
  const hasStatus = Boolean(c.lastPurchase || c.lastContact);
  const hasLifecycle = Boolean(c.orders || c.firstPurchase || c.lastPurchase);
  if (!hasValue && !hasStatus && !hasLifecycle) {
    throw new TiersError('no-tier-columns', `Sheet "${sheet}" has no amount, date or order columns to compute tiers from.`);
  }
  const turn = hostTurns(ctx); // between the plan's passes over the rows, as between the analysis's steps
  const totalClean = hasValue && await cleanNumeric(ledger, c.total, true, turn) && !/万|亿|千元|'000/.test(report.mapping.find((m) => m.field === 'total')?.header ?? '');
  const ids = [
    ...(hasValue && !totalClean ? (['amount'] as const) : []),
    ...(hasValue ? (['valueTier'] as const) : []),
    ...(hasStatus ? (['statusTier'] as const) : []),
    ...(hasLifecycle ? (['lifecycle'] as const) : []),
    // RFM needs a recency: without a date column there is no segment to give.
    ...(hasStatus && (options.rfm || ledger.owned.rfmSegment !== undefined) ? (['rfmScore', 'rfmSegment'] as const) : []),
  ];
  const cols = outputColumns(ledger, ids) as Partial<Record<(typeof ids)[number], number>>;
  const settingsPlan = settingsOps(ledger.stored, locale, {
    customerSheet: sheet,
    ownedColumns: registerColumns(ledger, ids.map((id) => OWNED_COLUMNS[id][locale])),
    ...(ctx.settings?.asOf !== undefined ? { asOf: ctx.settings.asOf } : {}),
    ...(ctx.settings?.region ? { region: ctx.settings.region } : {}),
    ...(ctx.settings?.areaCode !== undefined ? { areaCode: ctx.settings.areaCode } : {}),
  }, terms);
  const ref = (key: Parameters<typeof settingRef>[1]) => settingRef(settingsPlan.sheet, key);
  const lastRowIndex = lastDataRow(report, headerIndex + 1) - 1;
  const first = headerIndex + 2;
  const last = lastRowIndex + 1;

  await turn();
  let statusLive: boolean | undefined;
  if (hasStatus) {
    statusLive = true;
    for (const l of [c.lastPurchase, c.lastContact].filter(Boolean)) statusLive &&= await cleanNumeric(ledger, l, true, turn);
  }
  await turn();
  const lifecycleLive = hasLifecycle ? Boolean(c.orders) && await cleanNumeric(ledger, c.orders, false, turn) : undefined;
  await turn();
  const live = { valueTier: hasValue ? true : undefined, statusTier: statusLive, lifecycle: lifecycleLive };

  // Value tier: PERCENTRANK.INC(amounts, x) ≥ p, with blanks counted as 0 and the rank truncated to 3
  // decimals as Excel does. A rank formula per row reads the whole column (n² work: minutes of recalc at
  // 100,000 rows), so the settings sheet holds the amount each percentile starts at, computed once, and
  // each row compares with it. With m = ROUNDUP(ROUNDUP(p,3)·(n−1)), rank(x) ≥ p ⇔ at least m amounts are
  // below x ⇔ x > the m-th smallest amount (blanks being zeros, between the negatives and the positives).
  const amountLetter = totalClean ? c.total! : cols.amount !== undefined ? columnLetter(cols.amount) : null;
  const amountRange = amountLetter ? columnRange(sheet, amountLetter, first, last) : null;
  const thresholdFormula = (percentileKey: 'highPercentile' | 'mediumPercentile'): string => {
    const rng = amountRange!;
    const m = `ROUNDUP(ROUND(ROUNDUP(${ref(percentileKey)},3)*(ROWS(${rng})-1),9),0)`;
    const below = `COUNTIF(${rng},"<0")`;
    const blanks = `COUNTBLANK(${rng})`;
    return `=IF(${m}<=0,-9.9E+307,IF(${m}<=${below},SMALL(${rng},${m}),IF(${m}<=${below}+${blanks},0,IFERROR(SMALL(${rng},${m}-${blanks}),9.9E+307))))`;
  };
  // Each formula is the same text but for its row number: built once around a placeholder and split
  // there, so a row's formula is a join of the pieces (100,000 rows × 3 columns made the plan slow),
  // made only when the adapter reads it (RowFormula).
  const ROW = '\u0000';
  const perRow = (template: string): ((row: number) => RowFormula) => {
    const pieces = template.split(ROW);
    return (row) => new RowFormula(pieces, row);
  };
  const valueFormula = (() => {
    const x = `N(${amountLetter}${ROW})`;
    return perRow(`=IF(${x}>${ref('highAmount')},${q(s.valueTier.high)},IF(${x}>${ref('mediumAmount')},${q(s.valueTier.medium)},${q(s.valueTier.low)}))`);
  })();
  const statusFormula = (() => {
    const dates = [c.lastPurchase, c.lastContact].filter(Boolean).map((l) => `N(${l}${ROW})`).join(',');
    const lastActivity = `MAX(${dates})`;
    const asOf = `IF(${ref('asOf')}="",TODAY(),${ref('asOf')})`;
    const days = `(${asOf}-${lastActivity})`;
    return perRow(`=IF(${lastActivity}=0,${q(s.statusTier.unknown)},IF(${days}<=${ref('activeDays')},${q(s.statusTier.active)},IF(${days}<=${ref('dormantDays')},${q(s.statusTier.dormant)},${q(s.statusTier.lost)})))`);
  })();
  const lifecycleFormula = (() => {
    const o = `${c.orders}${ROW}`;
    return perRow(`=IF(${o}<=0,${q(s.lifecycle.prospect)},IF(${o}>=${ref('returningOrders')},${q(s.lifecycle.returning)},${q(s.lifecycle.new)}))`);
  })();

  const rowAt = await reportRowOf(report, turn);
  await turn();
  const rfmOf = new Map<number, RfmScore>();
  if ((ids as readonly string[]).includes('rfmSegment')) {
    rfmScores(report.rows, report.asOf).forEach((score, i) => { if (score) rfmOf.set(report.rows[i]!.row, score); });
  }
  const cellFor: Record<(typeof ids)[number], (r: ReportRow) => CellInput> = {
    amount: (r) => r.total ?? 0,
    valueTier: (r) => (live.valueTier && amountLetter ? valueFormula(r.row) : r.valueTier ? s.valueTier[r.valueTier] : null),
    statusTier: (r) => (live.statusTier ? statusFormula(r.row) : r.statusTier ? s.statusTier[r.statusTier] : null),
    lifecycle: (r) => (live.lifecycle ? lifecycleFormula(r.row) : r.lifecycle ? s.lifecycle[r.lifecycle] : null),
    rfmScore: (r) => { const x = rfmOf.get(r.row); return x ? rfmScoreText(x) : null; },
    rfmSegment: (r) => { const x = rfmOf.get(r.row); return x ? sayTerms(RFM_SEGMENT_WORDS[locale][x.segment], terms) : null; },
  };

  const ops: WriteOp[] = [...settingsPlan.ops];
  if (live.valueTier && amountRange) {
    const thresholds = settingsOps({ ...ledger.stored, sheet: settingsPlan.sheet }, locale, {
      highAmount: { formula: thresholdFormula('highPercentile') },
      mediumAmount: { formula: thresholdFormula('mediumPercentile') },
    });
    ops.push(...thresholds.ops);
  }
  ops.push(...await columnBlocksInSlices({
    sheet, headerIndex, lastRowIndex,
    columns: ids.map((id) => ({ col: cols[id]!, header: OWNED_COLUMNS[id][locale], numberFormat: id === 'amount' ? '#,##0.00' : undefined })),
    cellsOf: (sheetRow) => {
      const r = rowAt(sheetRow);
      return r ? ids.map((id) => cellFor[id](r)) : null;
    },
  }, turn));
  const capabilities = ctx.capabilities;
  if (capabilities?.conditionalFormats && report.rows.length > 0) {
    const styled: [number | undefined, 'valueTier' | 'statusTier', string][] = [
      [cols.valueTier, 'valueTier', 'high'], [cols.statusTier, 'statusTier', 'dormant'], [cols.statusTier, 'statusTier', 'lost'],
    ];
    for (const [col, kind, key] of styled) {
      if (col === undefined) continue;
      const ref = `$${columnLetter(col)}${first}`;
      const formula = wordRule(ref, tierWords(kind, key, terms));
      // The rule in the ledger's other terms (it said 沉睡, now 休眠) goes first, so there is one rule.
      const stale = tierRuleVariants(ref, kind, key).filter((f) => f !== formula);
      if (stale.length > 0) ops.push({ op: 'removeConditionalFormats', sheet, formulas: stale });
      ops.push({ op: 'conditionalFormat', sheet, address: dataAddress(col, headerIndex, lastRowIndex), formula, ...TIER_STYLES[key]! });
    }
    if (c.nextFollowUp) ops.push(...replaceOverdueRule(sheet, columnIndex(c.nextFollowUp), first, last));
  }
  const outCols = Object.values(cols) as number[];
  ops.push({ op: 'columnWidths', sheet, widths: outCols.map((col) => ({ col, width: 12 })) });
  ops.push({ op: 'format', sheet, address: `${columnLetter(Math.min(...outCols))}${headerIndex + 1}:${columnLetter(Math.max(...outCols))}${headerIndex + 1}`, bold: true, fill: PALETTE.header.fill });

  const segments: Record<string, number> = {};
  for (const x of rfmOf.values()) segments[x.segment] = (segments[x.segment] ?? 0) + 1;
  const summary: TierColumnsSummary = {
    sheet,
    ...(rfmOf.size > 0 ? { rfmSegments: segments } : {}),
    live: { valueTier: live.valueTier, statusTier: live.statusTier, lifecycle: live.lifecycle },
    counts: { valueTier: report.counts.valueTier, statusTier: report.counts.statusTier, lifecycle: report.counts.lifecycle },
    asOf: report.asOf,
    terms,
  };
  const description = locale === 'zh-CN' ? `在「${sheet}」右侧写入客户分层列` : `Write tier columns beside "${sheet}"`;
  const plan: WritePlan = { description, ops };
  return { plan, summary, ledger, columns: cols };
}

export async function computeTiers(ctx: ActionContext, options: TierOptions = {}) {
  const { plan, summary } = await planComputeTiers({ ...ctx, capabilities: ctx.capabilities ?? await ctx.port.capabilities() }, options);
  await applyPlan(ctx, plan);
  return summary;
}

export class TiersError extends Error {
  constructor(readonly code: 'no-tier-columns', message: string) {
    super(message);
    this.name = 'TiersError';
  }
}
