/**
 * The "Protect & share" card's state: the password being typed (held only until the run it is for
 * starts, never stored) and which of its four actions ran last, whose result or error the card shows.
 */
import { useState } from 'react';
import type { ActionId } from '../../../i18n/pane';
import { describeResult } from '../../../addin/describeResult';
import { financeColumns } from '../../../core/financeColumns';
import type { PaneState } from '../../paneState';

export const PROTECT_ACTIONS = ['protectLedger', 'unprotectLedger', 'hideColumns', 'showColumns'] as const satisfies readonly ActionId[];
export type ProtectAction = (typeof PROTECT_ACTIONS)[number];

/** The ledger's own columns (letter and header) and the finance ones among them, ticked until the user changes them. */
function columnsOf(pane: PaneState): { all: { column: string; header: string }[]; finance: string[] } {
  const view = pane.view;
  if (view?.kind !== 'ready') return { all: [], finance: [] };
  return { all: view.headers, finance: financeColumns(view.headers, view.mapping) };
}

export function useProtectCard(pane: PaneState) {
  const [password, setPassword] = useState('');
  const [ran, setRan] = useState<ProtectAction | null>(null);
  // null: the user has not changed the ticks; the finance columns of the ledger as it is now.
  const [ticked, setTicked] = useState<string[] | null>(null);
  const columns = columnsOf(pane);
  const tickedNow = new Set(ticked ?? columns.finance);
  const chosen = columns.all.filter((h) => tickedNow.has(h.column)).map((h) => h.column); // in the sheet's order
  // A ribbon click fills one of these cards' states too: shown when the card itself has not run.
  const last = ran ?? PROTECT_ACTIONS.find((id) => pane.actions[id]?.result || pane.actions[id]?.error) ?? null;
  const state = last ? pane.actions[last] : null;
  return {
    password, setPassword,
    columns: columns.all, chosen,
    tick: (column: string, on: boolean) => setTicked([...new Set([...chosen.filter((c) => c !== column), ...(on ? [column] : [])])]),
    busy: PROTECT_ACTIONS.some((id) => pane.actions[id]?.busy),
    resultText: state?.result ? describeResult(state.result, pane.locale) : null,
    // Unprotect refused as "protected" is the password (missing or wrong): said as such, not "unprotect it first".
    error: last === 'unprotectLedger' && state?.error === pane.s.errors.protected ? pane.s.unprotectRefused : state?.error ?? null,
    run: (id: ProtectAction) => {
      setRan(id);
      const withPassword = id === 'protectLedger' || id === 'unprotectLedger';
      const options = withPassword ? (password !== '' ? { protect: { password } } : {}) : { columns: chosen };
      if (withPassword) setPassword('');
      void pane.run(id, options);
    },
  };
}
