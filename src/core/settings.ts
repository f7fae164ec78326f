/**
 * User settings, persisted in the workbook and validated with zod: the default phone region, the tier
 * thresholds and the as-of date. Every threshold in DESIGN's rules is a setting.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ThresholdsSchema = z.object({
  /** PERCENTRANK.INC of total amount at or above which a customer is high value. */
  highPercentile: z.number().min(0).max(1).default(0.8),
  mediumPercentile: z.number().min(0).max(1).default(0.5),
  /** Days since last activity: ≤ activeDays active, ≤ dormantDays dormant, otherwise lost. */
  activeDays: z.number().int().min(0).default(90),
  dormantDays: z.number().int().min(0).default(365),
  /** Orders at or above which a customer is returning (1 order = new, 0 = prospect). */
  returningOrders: z.number().int().min(2).default(2),
  /** Days without activity after which a high-value customer is on the call list as going quiet. */
  quietDays: z.number().int().min(1).default(30),
}).refine((t) => t.mediumPercentile <= t.highPercentile, { message: 'mediumPercentile must not exceed highPercentile' })
  .refine((t) => t.activeDays <= t.dormantDays, { message: 'activeDays must not exceed dormantDays' });

/** 'auto' in any case (the settings sheet upper-cases what it reads) is 'auto'; anything else as given. */
const autoInAnyCase = (v: unknown) => (typeof v === 'string' && v.trim().toLowerCase() === 'auto' ? 'auto' : v);

/** An area code as typed ("(0571)", " 415", 212) is its digits; blank is none. */
const areaCodeDigits = (v: unknown) => {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '') return null;
  return /^[\d\s()-]+$/.test(t) ? t.replace(/[\s()-]/g, '') : t;
};

export const SettingsSchema = z.object({
  /**
   * ISO 3166-1 alpha-2 region used for numbers typed without a country code, or 'auto': chosen from the
   * ledger's own numbers and the user's language (phoneRegion.ts). New settings start on 'auto'; a saved
   * region (an older version saved CN) stays what it was.
   */
  region: z.preprocess(autoInAnyCase,
    z.string().regex(/^(?:auto|[A-Z]{2})$/, 'expected auto or a two-letter country code such as CN')).default('auto'),
  /** Digits put in front of a local number typed without its area code (415, 0571); null for none. */
  areaCode: z.preprocess(areaCodeDigits,
    z.string().regex(/^\d{1,5}$/, 'expected an area code of 1 to 5 digits such as 415 or 0571').nullable()).default(null),
  /** The date tiers are computed for; null means today. */
  asOf: isoDate.nullable().default(null),
  thresholds: ThresholdsSchema.default({
    highPercentile: 0.8, mediumPercentile: 0.5, activeDays: 90, dormantDays: 365, returningOrders: 2, quietDays: 30,
  }),
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Parse partial settings (from the workbook, the CLI or the pane), filling in defaults. */
export function parseSettings(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {});
}
