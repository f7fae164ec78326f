/** Settings (phone region, default area code, as-of date, thresholds in words), stored on the workbook's settings sheet. */
import type { SettingsCardProps } from './SettingsCard.types';
import { renderSettingsCard } from './renderSettingsCard';
import { useSettingsCard } from './useSettingsCard';
import { useSettingsCardStyles } from './useSettingsCardStyles.styles';

export function SettingsCard(props: SettingsCardProps) {
  const form = useSettingsCard(props.settings, props.pane.locale);
  const styles = useSettingsCardStyles();
  return renderSettingsCard(props, form, styles);
}
