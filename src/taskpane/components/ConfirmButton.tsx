/** A button that says what will happen, in a dialog, before it happens: every change to the user's cells goes through one. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';

export interface ConfirmButtonProps {
  label: string;
  title: string;
  lines: readonly string[];
  confirm: string;
  cancel: string;
  disabled?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton(p: ConfirmButtonProps) {
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={p.disabled}>{p.label}</Button>
      </DialogTrigger>
      <DialogSurface aria-label={p.title}>
        <DialogBody>
          <DialogTitle>{p.title}</DialogTitle>
          <DialogContent>
            <ul>{p.lines.map((line) => <li key={line}>{line}</li>)}</ul>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={p.onConfirm}>{p.confirm}</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{p.cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
