/** Settings (region, default area code, as-of date, thresholds), stored on the workbook's settings sheet. */
import { useMemo } from 'react';
import { Button, Card, CardHeader, Field, Input, Select, Text } from '@fluentui/react-components';
import type { Settings } from '../../core/settings';
import { phoneRegionChoices } from '../../core/phoneRegion';
import { regionName, type Locale } from '../../i18n/strings';
import type { SettingsInput } from '../../addin/workbookSettings';
import type { PaneState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';
import { useSettingsForm } from './useSettingsForm';

const NUMERIC: { key: keyof SettingsInput; step: string }[] = [
  { key: 'highPercentile', step: '0.05' }, { key: 'mediumPercentile', step: '0.05' },
  { key: 'activeDays', step: '1' }, { key: 'dormantDays', step: '1' }, { key: 'returningOrders', step: '1' },
];

/** The region list: Auto first, then every region by name ("United States (US)"); a saved code the list lacks is kept. */
function regionOptions(locale: Locale, current: string): { value: string; label: string }[] {
  const codes = phoneRegionChoices();
  if (current !== 'auto' && current !== '' && !codes.includes(current)) codes.unshift(current);
  return codes.map((code) => ({ value: code, label: `${regionName(code, locale)} (${code})` }));
}

/** `detected`: the region the last read of the customer sheet used, shown beside "Auto"; null before there is one. */
export function SettingsCard({ settings, detected, pane, styles }: { settings: Settings; detected: string | null; pane: PaneState; styles: PaneStyles }) {
  const form = useSettingsForm(settings);
  const options = useMemo(() => regionOptions(pane.locale, form.draft.region), [pane.locale, form.draft.region]);
  return renderSettingsCard(pane, styles, form, options, detected);
}

function renderSettingsCard(pane: PaneState, styles: PaneStyles, form: ReturnType<typeof useSettingsForm>,
  options: { value: string; label: string }[], detected: string | null) {
  const { s } = pane;
  const auto = s.regionAuto(detected ? regionName(detected, pane.locale) : null);
  return (
    <Card className={styles.card} role="region" aria-labelledby="settings-title">
      <CardHeader header={<Text weight="semibold" id="settings-title">{s.settingsTitle}</Text>} />
      <form className={styles.cardBody} onSubmit={(e) => { e.preventDefault(); void pane.saveSettings(form.draft); }}>
        <div className={styles.grid2}>
          <Field label={s.region} size="small">
            <Select size="small" value={form.draft.region} onChange={(_, d) => form.set('region', d.value)}>
              <option value="auto">{auto}</option>
              {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </Select>
          </Field>
          <Field label={s.areaCode} size="small">
            <Input size="small" value={form.draft.areaCode} maxLength={8} inputMode="numeric" onChange={(_, d) => form.set('areaCode', d.value)} />
          </Field>
          <Field label={s.asOf} size="small">
            <Input size="small" type="date" value={form.draft.asOf} onChange={(_, d) => form.set('asOf', d.value)} />
          </Field>
          {NUMERIC.map(({ key, step }) => (
            <Field key={key} label={s[key as 'activeDays']} size="small">
              <Input size="small" type="number" step={step} value={form.draft[key]} onChange={(_, d) => form.set(key, d.value)} />
            </Field>
          ))}
        </div>
        <div><Button type="submit" disabled={pane.anyBusy}>{s.saveSettings}</Button></div>
      </form>
    </Card>
  );
}
