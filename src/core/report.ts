/**
 * The report shared by the CLI (`analyze --json`) and the task pane: one zod schema, so both sides
 * agree on its shape and a report read back from JSON can be validated.
 */
import { z } from 'zod';
import { FIELD_IDS } from './fields';
import { DUPLICATE_REASONS, MATCH_CODES } from './duplicates';
import { LIFECYCLES, STATUS_TIERS, VALUE_TIERS } from './tiers';
import { EVIDENCE_CODES } from './columns/columnEvidence';

const fieldId = z.enum(FIELD_IDS);
const reason = z.enum(DUPLICATE_REASONS);
/** Why a pair matched (optional: reports written before the codes have none). */
const codes = z.array(z.enum(MATCH_CODES)).optional();

export const PhoneResultSchema = z.object({
  status: z.enum(['valid', 'invalid', 'incomplete', 'suspect', 'empty']),
  e164: z.string().nullable(),
  reason: z.string().nullable(),
});
export const EmailResultSchema = z.object({
  status: z.enum(['valid', 'suspect', 'invalid', 'empty']),
  normalized: z.string().nullable(),
  suggestion: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ReportRowSchema = z.object({
  row: z.number().int().positive(),
  /** null when the sheet has no phone (email) column. */
  phone: PhoneResultSchema.nullable(),
  email: EmailResultSchema.nullable(),
  total: z.number().nullable(),
  orders: z.number().nullable(),
  lastActivity: z.string().nullable(),
  /** null when the sheet lacks the columns the rule needs. */
  valueTier: z.enum(VALUE_TIERS).nullable(),
  statusTier: z.enum(STATUS_TIERS).nullable(),
  lifecycle: z.enum(LIFECYCLES).nullable(),
  duplicateGroup: z.number().int().positive().nullable(),
});

export const DuplicateGroupSchema = z.object({
  id: z.number().int().positive(),
  rows: z.array(z.number().int().positive()).min(2),
  keep: z.number().int().positive(),
  reasons: z.array(reason),
  pairs: z.array(z.object({ rows: z.tuple([z.number().int(), z.number().int()]), reason })),
  codes,
});

const groupTotal = z.object({ key: z.string(), customers: z.number().int(), revenue: z.number() });

export const ReportSchema = z.object({
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The region numbers without a country code were read in: the setting's, or detected when it is 'auto'. */
  region: z.string(),
  regionSource: z.enum(['auto', 'setting']),
  /** The default area code that completed local numbers, or null. */
  areaCode: z.string().nullable(),
  /** Field → column letter, as DESIGN's report shows. */
  columns: z.partialRecord(fieldId, z.string()),
  mapping: z.array(z.object({
    field: fieldId, column: z.string(), header: z.string(), confidence: z.number(),
    how: z.enum(['header', 'partial', 'values', 'user']),
    /** What the header said and what the values showed (optional: older reports have none). */
    evidence: z.array(z.enum(EVIDENCE_CODES)).optional(),
  })),
  unmappedColumns: z.array(z.object({ column: z.string(), header: z.string() })),
  dataRows: z.number().int().nonnegative(),
  totalsRows: z.array(z.number().int().positive()),
  rows: z.array(ReportRowSchema),
  duplicateGroups: z.array(DuplicateGroupSchema),
  possibleDuplicates: z.array(z.object({
    rows: z.tuple([z.number().int(), z.number().int()]), reason, similarity: z.number(), codes,
  })),
  counts: z.object({
    phone: z.record(z.string(), z.number().int()),
    email: z.record(z.string(), z.number().int()),
    valueTier: z.record(z.string(), z.number().int()),
    statusTier: z.record(z.string(), z.number().int()),
    lifecycle: z.record(z.string(), z.number().int()),
  }),
  summary: z.object({
    customers: z.number().int(),
    revenue: z.number(),
    tierByStatus: z.object({
      rowLabels: z.array(z.string()), columnLabels: z.array(z.string()), counts: z.array(z.array(z.number().int())),
    }),
    revenueByRegion: z.array(groupTotal),
    revenueByChannel: z.array(groupTotal),
    revenueByOwner: z.array(groupTotal),
  }),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportRow = z.infer<typeof ReportRowSchema>;

/** The last data row's sheet row number (1-based), or `fallback` when there are none. A loop, not
 * Math.max(...rows): spreading a million rows into arguments overflows the stack. */
export function lastDataRow(report: Pick<Report, 'rows'>, fallback: number): number {
  let last = fallback;
  for (const r of report.rows) if (r.row > last) last = r.row;
  return last;
}
