/**
 * Errors in plain words, for the pane's cards and the ribbon's outcome. Matched by `name` and `code` (not
 * instanceof), so this module does not pull the engine into the first chunk. Messages never quote cell
 * contents.
 */
import type { Locale } from '../i18n/strings';
import { paneStrings } from '../i18n/pane';

export function errorKey(err: unknown): string {
  if (!err || typeof err !== 'object') return 'unknown';
  const { name, code, message, detail } = err as { name?: unknown; code?: unknown; message?: unknown; detail?: unknown };
  switch (name) {
    case 'WorkbookError':
      if (code === 'host' && typeof message === 'string' && /did not answer/.test(message)) return 'timeout';
      if (code === 'protected' && detail === 'workbook-structure') return 'protected-structure';
      if (code === 'unsupported' && detail === 'merged-cells') return 'merged-cells';
      if (code === 'unsupported' && detail === 'new-workbook') return 'new-workbook';
      if (code === 'unsupported' && detail === 'excel-too-old') return 'excel-too-old';
      return typeof code === 'string' ? code : 'host';
    case 'ContactsError':
    case 'TiersError':
    case 'RestoreError':
    case 'AnalyzeError':
    case 'FilterError':
    case 'ImportRowsError':
    case 'ImportError':
    case 'IncomingFileError':
    case 'SelectionError':
      return typeof code === 'string' ? code : 'unknown';
    case 'SettingsError':
      return 'settings';
    case 'ZodError':
      return 'invalidSettings';
    case 'RichApi.Error':
      return 'host';
    default:
      return 'unknown';
  }
}

export function errorMessage(err: unknown, locale: Locale): string {
  const s = paneStrings(locale);
  return s.errors[errorKey(err)] ?? s.errors.unknown!;
}
