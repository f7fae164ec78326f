/** Settings (region, as-of date, thresholds), stored on the workbook's settings sheet. */
import { Button, Card, CardHeader, Field, Input, Text } from '@fluentui/react-components';
import type { Settings } from '../../core/settings';
import type { SettingsInput } from '../../addin/workbookSettings';
import type { PaneState } from '../usePane';
import type { PaneStyles } from '../usePaneStyles';
import { useSettingsForm } from './useSettingsForm';

const NUMERIC: { key: keyof SettingsInput; step: string }[] = [
  { key: 'highPercentile', step: '0.05' }, { key: 'mediumPercentile', step: '0.05' },
  { key: 'activeDays', step: '1' }, { key: 'dormantDays', step: '1' }, { key: 'returningOrders', step: '1' },
];

export function SettingsCard({ settings, pane, styles }: { settings: Settings; pane: PaneState; styles: PaneStyles }) {
  const form = useSettingsForm(settings);
  return renderSettingsCard(pane, styles, form);
}

function renderSettingsCard(pane: PaneState, styles: PaneStyles, form: ReturnType<typeof useSettingsForm>) {
  const { s } = pane;
  return (
    <Card className={styles.card} role="region" aria-labelledby="settings-title">
      <CardHeader header={<Text weight="semibold" id="settings-title">{s.settingsTitle}</Text>} />
      <form className={styles.cardBody} onSubmit={(e) => { e.preventDefault(); void pane.saveSettings(form.draft); }}>
        <div className={styles.grid2}>
          <Field label={s.region} size="small">
            <Input size="small" value={form.draft.region} maxLength={2} onChange={(_, d) => form.set('region', d.value)} />
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
