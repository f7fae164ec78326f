import type { Settings } from '../../../core/settings';
import type { PaneState } from '../../paneState';
import type { PaneStyles } from '../../usePaneStyles';
import type { useSettingsCard } from './useSettingsCard';

export interface SettingsCardProps {
  settings: Settings;
  /** The region the last read of the customer sheet used, shown beside "Auto"; null before there is one. */
  detected: string | null;
  pane: PaneState;
  styles: PaneStyles;
}

export type SettingsCardState = ReturnType<typeof useSettingsCard>;
