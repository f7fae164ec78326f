/**
 * The export card's state: the chosen format, the run, what was exported. The file leaves only as the
 * download the user asked for: a Blob saved through a link, no network.
 */
import { useCallback, useRef, useState } from 'react';
import type { ExportContactsSummary } from '../../../actions';
import type { AddinHost } from '../../../addin/host';
import { runExport } from '../../../addin/runAction';
import type { CrmFormat } from '../../../core/crmExport';
import type { Locale } from '../../../i18n/strings';

/** The formats offered, in this order (core/crmExport has the same three; not imported here so the engine stays out of the first chunk). */
export const EXPORT_FORMATS = ['zoho', 'hubspot', 'vcard'] as const satisfies readonly CrmFormat[];

/** Long enough for the browser to have started reading the Blob; the URL is freed after. */
const REVOKE_AFTER_MS = 60_000;

/** Saves text as a file through a temporary link (the way a page offers a download). */
export function downloadText(doc: Document, fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

export interface ExportCardDeps {
  host: AddinHost;
  locale: Locale;
  sheet: string | undefined;
  describeError: (err: unknown) => string;
}

export function useExportCard(deps: ExportCardDeps) {
  const [format, setFormat] = useState<CrmFormat>('zoho');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportContactsSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const depsRef = useRef(deps);
  depsRef.current = deps;

  const run = useCallback(async () => {
    const { host, locale, sheet, describeError } = depsRef.current;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const out = await runExport(host, locale, format, { sheet });
      downloadText(document, out.fileName, out.mime, out.text);
      // What is kept for the card is the file's name and count, not a copy of every customer.
      setDone({ ...out, text: '' });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }, [format]);

  return { format, busy, done, error, run, choose: (f: CrmFormat) => setFormat(f) };
}
