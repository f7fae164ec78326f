/** The "Whom to call" card's state: the list once made, or why it could not be. */
import { useState } from 'react';
import type { CallListSummary } from '../../../actions';

export function useTodayCard(load: () => Promise<CallListSummary>, describeError: (err: unknown) => string) {
  const [list, setList] = useState<CallListSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    list, busy, error,
    make: async () => {
      setBusy(true);
      setError(null);
      try {
        setList(await load());
      } catch (err) {
        setError(describeError(err));
      } finally {
        setBusy(false);
      }
    },
  };
}
