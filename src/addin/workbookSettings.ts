/** The settings form and the column choices, read from and written to the workbook's settings sheet. */
import type { Settings } from '../core/settings';
import { paneStrings } from '../i18n/pane';
import type { Locale } from '../i18n/strings';
import type { LedgerTerms } from '../i18n/terms';
import { actionContext } from './actionContext';
import type { AddinHost } from './host';

export interface SettingsInput {
  /** 'auto' or a two-letter region. */
  region: string;
  areaCode: string;
  asOf: string;
  highPercentile: string;
  mediumPercentile: string;
  activeDays: string;
  dormantDays: string;
  returningOrders: string;
}

export function settingsInput(s: Settings): SettingsInput {
  const t = s.thresholds;
  return { region: s.region, areaCode: s.areaCode ?? '', asOf: s.asOf ?? '', highPercentile: String(t.highPercentile), mediumPercentile: String(t.mediumPercentile),
    activeDays: String(t.activeDays), dormantDays: String(t.dormantDays), returningOrders: String(t.returningOrders) };
}

/** Validates (zod: a ZodError on bad input) and writes the settings to the workbook's settings sheet. */
export async function saveSettings(host: AddinHost, locale: Locale, input: SettingsInput, terms?: LedgerTerms): Promise<Settings> {
  const { e, ctx } = await actionContext(host, locale);
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v));
  const settings = e.parseSettings({
    region: input.region.trim().toUpperCase() || undefined, // 'AUTO' is read as 'auto'
    areaCode: input.areaCode,
    asOf: input.asOf.trim() || null,
    thresholds: { highPercentile: num(input.highPercentile), mediumPercentile: num(input.mediumPercentile), activeDays: num(input.activeDays),
      dormantDays: num(input.dormantDays), returningOrders: num(input.returningOrders) },
  });
  const sheets = await ctx.port.listSheets();
  const stored = await e.readWorkbookSettings(ctx.port, sheets);
  const t = settings.thresholds;
  const { ops } = e.settingsOps(stored, locale, { region: settings.region, areaCode: settings.areaCode, asOf: settings.asOf, highPercentile: t.highPercentile,
    mediumPercentile: t.mediumPercentile, activeDays: t.activeDays, dormantDays: t.dormantDays, returningOrders: t.returningOrders }, terms);
  await ctx.port.apply({ description: paneStrings(locale).saveSettings, ops });
  return settings;
}

/** Stores the user's column choices (field → 0-based column) for the customer sheet. */
export async function saveMapping(host: AddinHost, locale: Locale, sheet: string, mapping: Record<string, number>): Promise<void> {
  const { e, ctx } = await actionContext(host, locale);
  const sheets = await ctx.port.listSheets();
  const stored = await e.readWorkbookSettings(ctx.port, sheets);
  const { ops } = e.settingsOps(stored, locale, { customerSheet: sheet, mapping: JSON.stringify(mapping) });
  await ctx.port.apply({ description: paneStrings(locale).mappingSave, ops });
}
