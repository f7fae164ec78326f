/**
 * A button that says what will happen before it happens: every change to the user's cells goes through
 * one. The confirmation opens in place, under the button (a task pane is too narrow for a modal to add
 * anything), and is answered with "go ahead" or "not now".
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';

export interface ConfirmButtonProps {
  label: string;
  title: string;
  lines: readonly string[];
  confirm: string;
  cancel: string;
  disabled?: boolean;
  onConfirm: () => void;
  /** The button's accessible name when its label alone is ambiguous ("Restore" beside each backup). */
  ariaLabel?: string;
  size?: 'small' | 'medium';
}

const useStyles = makeStyles({
  // A line of its own under the button, also inside a wrapping row of buttons.
  panel: {
    flexBasis: '100%', width: '100%', boxSizing: 'border-box', minWidth: 0, overflowWrap: 'anywhere',
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ConfirmButton(p: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const styles = useStyles();
  const titleId = useId();
  return (
    <>
      <Button size={p.size} disabled={p.disabled} aria-label={p.ariaLabel} aria-expanded={open} onClick={() => setOpen((o) => !o)}>{p.label}</Button>
      {open ? (
        <section role="region" aria-labelledby={titleId} className={styles.panel}>
          <Text weight="semibold" id={titleId}>{p.title}</Text>
          <ul className={styles.list}>{p.lines.map((line) => <li key={line}>{line}</li>)}</ul>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={p.disabled} onClick={() => { setOpen(false); p.onConfirm(); }}>{p.confirm}</Button>
            <Button onClick={() => setOpen(false)}>{p.cancel}</Button>
          </div>
        </section>
      ) : null}
    </>
  );
}
