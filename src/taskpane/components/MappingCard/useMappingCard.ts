/** Edits of the column mapping: field → chosen column letter, saved as field → 0-based column. */
import { useEffect, useState } from 'react';
import type { WorkbookView } from '../../../addin/workbookView';

// Not from MappingCard.types: that file takes its state type from this hook (no import circle).
type ReadyView = Extract<WorkbookView, { kind: 'ready' }>;

export function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function useMappingCard(view: ReadyView) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  useEffect(() => setChoice({}), [view]);
  const columnOf = (field: string, fallback: string) => choice[field] ?? fallback;
  return {
    columnOf,
    choose: (field: string, column: string) => setChoice((c) => ({ ...c, [field]: column })),
    changed: view.mapping.some((m) => choice[m.field] !== undefined && choice[m.field] !== m.column),
    mapping: (): Record<string, number> => Object.fromEntries(view.mapping.map((m) => [m.field, columnNumber(columnOf(m.field, m.column))])),
  };
}
