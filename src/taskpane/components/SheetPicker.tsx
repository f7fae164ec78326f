/**
 * The customer sheet as a list of the workbook's sheets: shown when no sheet looks like a customer list
 * (so the user can point at it) and beside the one found (so another can be chosen).
 */
import { Field, Select } from '@fluentui/react-components';
import type { PaneStrings } from '../../i18n/pane';
import type { PaneStyles } from '../usePaneStyles';

export interface SheetPickerProps {
  s: PaneStrings;
  sheets: readonly string[];
  /** The sheet shown as chosen; undefined (or a sheet no longer there): "Choose a sheet…". */
  value: string | undefined;
  disabled: boolean;
  onChoose: (sheet: string) => void;
  styles: PaneStyles;
}

export function renderSheetPicker(p: SheetPickerProps) {
  const known = p.value !== undefined && p.sheets.includes(p.value);
  return (
    <Field label={p.s.sheetLabel} size="small" className={p.styles.shrink}>
      <Select size="small" className={p.styles.fill} value={known ? p.value : ''} disabled={p.disabled}
        onChange={(_, d) => { if (d.value) p.onChoose(d.value); }}>
        {known ? null : <option value="" disabled>{p.s.sheetChoose}</option>}
        {p.sheets.map((n) => <option key={n} value={n}>{n}</option>)}
      </Select>
    </Field>
  );
}
