import { Button, Field, Input, Select, Text, mergeClasses } from '@fluentui/react-components';
import { regionName } from '../../../i18n/strings';
import { numberOf } from '../../logic/settingsWords';
import { CollapsibleCard } from '../CollapsibleCard/CollapsibleCard';
import type { SettingsCardProps, SettingsCardState } from './SettingsCard.types';
import type { SettingsCardStyles } from './useSettingsCardStyles.styles';

type NumberKey = 'highPercentile' | 'mediumPercentile' | 'activeDays' | 'dormantDays' | 'returningOrders';

export function renderSettingsCard({ pane, styles, detected }: SettingsCardProps, form: SettingsCardState, own: SettingsCardStyles) {
  const { s } = pane;
  const auto = s.regionAuto(detected ? regionName(detected, pane.locale) : null);
  const { draft } = form;
  const inputProps = { size: 'small' as const, className: own.input, input: { className: own.inner } };
  const numberField = (key: NumberKey, step: string, percent = false) => (
    <Field key={key} label={s[key]} size="small" className={own.field}>
      <Input {...inputProps} type="number" step={step} min="0" max={percent ? '100' : undefined} value={draft[key]}
        contentAfter={percent ? <Text size={200}>%</Text> : undefined} onChange={(_, d) => form.set(key, d.value)} />
    </Field>
  );
  const high = numberOf(draft.highPercentile);
  const medium = numberOf(draft.mediumPercentile);
  const active = numberOf(draft.activeDays);
  const dormant = numberOf(draft.dormantDays);
  const words = mergeClasses(styles.muted, own.words);
  return (
    <CollapsibleCard title={s.settingsTitle} titleId="settings-title" toggleLabel={s.cardDetails(s.settingsTitle)} defaultOpen={false}
      data={{ 'data-card': 'settings' }}>
      <form className={own.form} onSubmit={(e) => { e.preventDefault(); void pane.saveSettings(form.input()); }}>
        <Field label={s.region} size="small" className={own.field}>
          <Select size="small" className={styles.fill} value={draft.region} onChange={(_, d) => form.set('region', d.value)}>
            <option value="auto">{auto}</option>
            {form.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </Select>
        </Field>
        <Field label={s.areaCode} size="small" className={own.field}>
          <Input {...inputProps} value={draft.areaCode} maxLength={8} inputMode="numeric" onChange={(_, d) => form.set('areaCode', d.value)} />
        </Field>
        <Field label={s.asOf} size="small" className={own.field}>
          <Input {...inputProps} type="date" value={draft.asOf} onChange={(_, d) => form.set('asOf', d.value)} />
        </Field>
        {numberField('highPercentile', '5', true)}
        {numberField('mediumPercentile', '5', true)}
        {high !== null && medium !== null ? <Text size={200} className={words}>{s.tiersInWords(high, medium)}</Text> : null}
        {numberField('activeDays', '1')}
        {numberField('dormantDays', '1')}
        {active !== null && dormant !== null ? <Text size={200} className={words}>{s.statusInWords(active, dormant)}</Text> : null}
        {numberField('returningOrders', '1')}
        <div><Button type="submit" disabled={pane.anyBusy}>{s.saveSettings}</Button></div>
      </form>
    </CollapsibleCard>
  );
}
