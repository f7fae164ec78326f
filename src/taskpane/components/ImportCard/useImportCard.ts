/**
 * The import card's state: the picked file's rows, the preview (nothing written), the user's choice per
 * incoming row, then the import's result. A newer pick wins over a slower older one.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportChoice, ImportSummary } from '../../../actions';
import { readImportFile, readWorkbookSheet, runImport, runImportPreview } from '../../../addin/runAction';
import type { AddinHost } from '../../../addin/host';
import type { Locale } from '../../../i18n/strings';
import { defaultChoices } from './importPreview';
import type { ImportKind } from '../../../core/importRows';

/** Rows shown per kind before "Show more": a trade-fair list of hundreds stays a short card. */
export const ROWS_SHOWN = 20;

export interface PickedFile {
  name: string;
  rows: unknown[][];
  sheet: string | null;
  encoding: string | null;
}

export interface ImportCardDeps {
  host: AddinHost;
  locale: Locale;
  /** The customer sheet the user chose (undefined: the add-in finds it). */
  sheet: string | undefined;
  describeError: (err: unknown) => string;
  /** Read the workbook again after the import (row count, backups). */
  refresh: () => Promise<void>;
}

/** File.arrayBuffer where the runtime has it; FileReader otherwise (older WebViews, jsdom). */
export function fileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export function useImportCard(deps: ImportCardDeps) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [choices, setChoices] = useState<Record<number, ImportChoice>>({});
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Partial<Record<ImportKind, number>>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const pickSeq = useRef(0);
  const depsRef = useRef(deps);
  depsRef.current = deps;

  /** Reads the rows (a picked file, or a sheet of this workbook), then previews them against the ledger. */
  const previewOf = useCallback(async (name: string, read: () => Promise<Omit<PickedFile, 'name'>>) => {
    const seq = ++pickSeq.current;
    const { host, locale, sheet, describeError } = depsRef.current;
    setBusy('reading');
    setError(null);
    setResult(null);
    setPreview(null);
    setFile(null);
    try {
      const rows = await read();
      const summary = await runImportPreview(host, locale, rows.rows, { sheet });
      if (seq !== pickSeq.current) return;
      setFile({ name, ...rows });
      setPreview(summary);
      setChoices(defaultChoices(summary.plan.rows));
      setShown({});
    } catch (err) {
      if (seq === pickSeq.current) setError(describeError(err));
    } finally {
      if (seq === pickSeq.current) setBusy(null);
    }
  }, []);

  const pick = useCallback((picked: File) => previewOf(picked.name, async () => readImportFile(await fileBytes(picked), picked.name)), [previewOf]);

  /** Another sheet of this workbook (a list pasted in from elsewhere). */
  const pickSheet = useCallback((name: string) => previewOf(name, async () => {
    const { host, locale } = depsRef.current;
    return { rows: await readWorkbookSheet(host, locale, name), sheet: name, encoding: null };
  }), [previewOf]);

  const apply = useCallback(async () => {
    if (!file) return;
    const { host, locale, sheet, describeError, refresh } = depsRef.current;
    setBusy('importing');
    setError(null);
    try {
      // The engine plans again from the ledger as it is now: choices are keyed by the file's row, not the preview's order.
      const done = await runImport(host, locale, { incoming: file.rows, choices, refresh: true }, { sheet });
      setResult(done);
      setPreview(null);
      setFile(null);
      await refresh();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }, [file, choices]);

  return {
    file, preview, choices, result, busy, error, pick, pickSheet, apply, inputRef,
    shownOf: (kind: ImportKind) => shown[kind] ?? ROWS_SHOWN,
    showMore: (kind: ImportKind) => setShown((m) => ({ ...m, [kind]: (m[kind] ?? ROWS_SHOWN) + ROWS_SHOWN })),
    /** Opens the system's file picker (the visible button stands in for the hidden input). */
    openPicker: () => inputRef.current?.click(),
    choose: (source: number, choice: ImportChoice) => setChoices((c) => ({ ...c, [source]: choice })),
  };
}
