/**
 * One run at a time: the action, restore or save in progress, the RunControl Cancel and the sheet watch
 * stop, and the watch itself (paused while anything runs, so live writes never run alongside it).
 */
import { useCallback, useRef, type MutableRefObject } from 'react';
import { RunControl } from '../../addin/runControl';
import type { PaneWatch } from '../logic/sheetWatch';

export interface RunGuard {
  /** start() marks the card busy at once; work() runs once live checks have finished. */
  guarded: (start: () => void, work: (control: RunControl) => Promise<void>) => Promise<void>;
  runRef: MutableRefObject<RunControl | null>;
  /** Read by the sheet watch: while true, edits are queued rather than checked. */
  busyRef: MutableRefObject<boolean>;
  watchRef: MutableRefObject<PaneWatch | null>;
}

export function useRunGuard(): RunGuard {
  const runRef = useRef<RunControl | null>(null);
  const busyRef = useRef(false);
  const watchRef = useRef<PaneWatch | null>(null);
  const guarded = useCallback(async (start: () => void, work: (control: RunControl) => Promise<void>): Promise<void> => {
    const control = new RunControl();
    runRef.current = control;
    busyRef.current = true;
    start(); // before live checks are awaited: no second click meanwhile
    try {
      await watchRef.current?.pause();
      await work(control);
    } finally {
      if (runRef.current === control) runRef.current = null;
      busyRef.current = false;
      watchRef.current?.resume(); // edits made meanwhile are checked now
    }
  }, []);
  return { guarded, runRef, busyRef, watchRef };
}
