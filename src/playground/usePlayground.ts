/**
 * The playground's state: the current simulated workbook (replaced when a file is opened), a version
 * bumped after every Excel.run, the display language, and the test hooks on window.ledgerPlayground.
 */
import { useCallback, useEffect, useState } from 'react';
import { pickLocale } from '../i18n/strings';
import { paneStrings } from '../i18n/pane';
import { createPlayground, type Playground } from './simHost';
import { readXlsx } from './xlsx';

export interface LedgerPlaygroundApi {
  load(data: ArrayBuffer): Promise<void>;
  sheetNames(): string[];
  values(sheetName: string): unknown[][];
  /** As Range.formulas reports them: a formula's text, else the value (a backup is compared by these). */
  formulas(sheetName: string): unknown[][];
  /** Whether the sheet is protected (Review › Protect Sheet): the grid does not show it. */
  isProtected(sheetName: string): boolean;
  /** 1-based rows hidden, by the user or by the AutoFilter. */
  hiddenRows(sheetName: string): number[];
  /** Letters of the hidden columns. */
  hiddenColumns(sheetName: string): string[];
  /** The Excel tables: name, sheet and address ("Sheet!A1:W4"). */
  tables(): { name: string; sheet: string; address: string }[];
  stats(): { syncs: number; largestRequestBytes: number };
  /** Every Excel.run of the simulated workbook waits this long first (a slow Excel on the web); 0 for none. */
  setLatency(ms: number): void;
}

declare global {
  interface Window { ledgerPlayground?: LedgerPlaygroundApi }
}

export const SAMPLE_URL = new URL('../../assets/sample-customers.xlsx', import.meta.url).href;

export function usePlayground(language: string) {
  const s = paneStrings(pickLocale(language));
  const [pg, setPg] = useState<Playground>(() => createPlayground([], language));
  const [generation, setGeneration] = useState(0);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  useEffect(() => pg.subscribe(() => setVersion((v) => v + 1)), [pg]);

  const load = useCallback(async (data: ArrayBuffer, name: string | null) => {
    try {
      const sheets = await readXlsx(data);
      setPg(createPlayground(sheets, language));
      setGeneration((g) => g + 1);
      setFileName(name);
      setError(null);
    } catch {
      setError(s.fileError);
      throw new Error('not an .xlsx workbook');
    }
  }, [language, s]);

  const loadSample = useCallback(async () => {
    const res = await fetch(SAMPLE_URL);
    await load(await res.arrayBuffer(), 'sample-customers.xlsx');
  }, [load]);

  useEffect(() => {
    void loadSample().catch(() => undefined);
  }, [loadSample]);

  useEffect(() => {
    window.ledgerPlayground = {
      load: (data) => load(data, null),
      sheetNames: () => pg.sim.workbook.sheetNames(),
      values: (sheetName) => pg.sim.workbook.sheet(sheetName).values(),
      formulas: (sheetName) => pg.sim.workbook.sheet(sheetName).formulas(),
      isProtected: (sheetName) => pg.sim.workbook.sheet(sheetName).protected,
      hiddenRows: (sheetName) => pg.sim.workbook.sheet(sheetName).hiddenRows(),
      hiddenColumns: (sheetName) => pg.sim.workbook.sheet(sheetName).hiddenColumns(),
      tables: () => pg.sim.workbook.tables.map((t) => ({ name: t.name, sheet: t.sheet, address: t.address })),
      stats: () => {
        const st = pg.sim.stats();
        return { syncs: st.syncs, largestRequestBytes: st.largestRequestBytes };
      },
      setLatency: (ms) => pg.setLatency(ms),
    };
  }, [pg, load]);

  const openFile = useCallback(async (file: File) => {
    await load(await file.arrayBuffer(), file.name).catch(() => undefined);
  }, [load]);

  return { s, pg, generation, version, error, fileName, openFile, loadSample: () => void loadSample().catch(() => undefined) };
}
