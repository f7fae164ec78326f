/**
 * The settings form's draft, reset whenever the workbook's stored settings change. The two percentiles
 * are edited as top shares ("20" %) and turned back into percentiles on save.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Settings } from '../../../core/settings';
import { phoneRegionChoices } from '../../../core/phoneRegion';
import { regionName, type Locale } from '../../../i18n/strings';
import { settingsInput, type SettingsInput } from '../../../addin/workbookSettings';
import { percentileOf, topShareOf } from '../../logic/settingsWords';

function draftOf(settings: Settings): SettingsInput {
  const input = settingsInput(settings);
  return { ...input, highPercentile: topShareOf(input.highPercentile), mediumPercentile: topShareOf(input.mediumPercentile) };
}

/** The region list: every region by name ("United States (US)"); a saved code the list lacks is kept. */
function regionOptions(locale: Locale, current: string): { value: string; label: string }[] {
  const codes = phoneRegionChoices();
  if (current !== 'auto' && current !== '' && !codes.includes(current)) codes.unshift(current);
  return codes.map((code) => ({ value: code, label: `${regionName(code, locale)} (${code})` }));
}

export function useSettingsCard(settings: Settings, locale: Locale) {
  const [draft, setDraft] = useState<SettingsInput>(() => draftOf(settings));
  const key = JSON.stringify(settings);
  useEffect(() => setDraft(draftOf(JSON.parse(key) as Settings)), [key]);
  const options = useMemo(() => regionOptions(locale, draft.region), [locale, draft.region]);
  return {
    draft,
    options,
    set: (k: keyof SettingsInput, v: string) => setDraft((d) => ({ ...d, [k]: v })),
    /** What is saved: the draft with the shares turned back into percentiles. */
    input: (): SettingsInput => ({ ...draft, highPercentile: percentileOf(draft.highPercentile), mediumPercentile: percentileOf(draft.mediumPercentile) }),
  };
}
