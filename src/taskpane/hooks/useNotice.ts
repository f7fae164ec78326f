/** The one message at the top of the pane (saved, from the ribbon, go-to failed), dismissable. */
import { useCallback, useState } from 'react';
import type { Notice } from '../paneState';

export function useNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);
  return { notice, setNotice, dismiss };
}
