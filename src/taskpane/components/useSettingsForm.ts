/** The settings form's draft, reset whenever the workbook's stored settings change. */
import { useEffect, useState } from 'react';
import type { Settings } from '../../core/settings';
import { settingsInput, type SettingsInput } from '../../addin/workbookSettings';

export function useSettingsForm(settings: Settings) {
  const [draft, setDraft] = useState<SettingsInput>(() => settingsInput(settings));
  const key = JSON.stringify(settings);
  useEffect(() => setDraft(settingsInput(JSON.parse(key) as Settings)), [key]);
  return { draft, set: (k: keyof SettingsInput, v: string) => setDraft((d) => ({ ...d, [k]: v })) };
}
