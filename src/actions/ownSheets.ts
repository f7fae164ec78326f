/**
 * Which sheets are the add-in's, by the markers it wrote, never by a name a user could also choose: the
 * settings sheet by its title cell, the summary by the registry and its title cell, the archive and the
 * template by the registry, backups by their records, masked copies earlier versions wrote into the
 * workbook and the call list by their title cell. A user's sheet called 客户汇总 or 台账设置 is the user's.
 */
import type { SheetInfo } from '../workbook/port';
import { isCallListTitle, isMaskedCopyTitle, isSummaryTitle } from './names';
import type { WorkbookSettings } from './settingsSheet';

export type OwnSheetKind = 'settings' | 'summary' | 'archive' | 'template' | 'backup' | 'masked' | 'callList';

type Registry = Pick<WorkbookSettings, 'sheet' | 'summarySheet' | 'archiveSheet' | 'templateSheet' | 'backups'>;

/** The existing sheet a registry entry names (sheet names are case-insensitive in Excel), or undefined. */
function named(sheets: readonly SheetInfo[], name: string | null): SheetInfo | undefined {
  if (name === null) return undefined;
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

/** The summary sheet the add-in made: named by the registry, and still holding its title in A1. */
export function ownSummarySheet(sheets: readonly SheetInfo[], settings: Registry): string | null {
  const s = named(sheets, settings.summarySheet);
  return s && isSummaryTitle(s.a1) ? s.name : null;
}

/** The duplicate archive the add-in made, as the registry names it. */
export function ownArchiveSheet(sheets: readonly SheetInfo[], settings: Registry): string | null {
  return named(sheets, settings.archiveSheet)?.name ?? null;
}

/** Every sheet of the workbook the add-in made, with what it is. */
export function ownSheets(sheets: readonly SheetInfo[], settings: Registry): Map<string, OwnSheetKind> {
  const out = new Map<string, OwnSheetKind>();
  const add = (name: string | null | undefined, kind: OwnSheetKind) => {
    if (name) out.set(name, kind);
  };
  add(named(sheets, settings.sheet)?.name, 'settings');
  add(ownSummarySheet(sheets, settings), 'summary');
  add(ownArchiveSheet(sheets, settings), 'archive');
  add(named(sheets, settings.templateSheet)?.name, 'template');
  for (const backup of Object.keys(settings.backups)) add(named(sheets, backup)?.name, 'backup');
  for (const s of sheets) if (isMaskedCopyTitle(s.a1)) add(s.name, 'masked');
  for (const s of sheets) if (isCallListTitle(s.a1)) add(s.name, 'callList');
  return out;
}

/**
 * The add-in's sheets that hold no customer list of the user's: settings, summary, archive, backups and
 * masked copies (the template is the add-in's, but the user keeps customers in it). Automatic sheet
 * picking skips these, a restore never writes onto one, and the CLI leaves them out when it guesses the
 * workbook's language.
 */
export function ownedSheetNames(sheets: readonly SheetInfo[], settings: Registry): string[] {
  return [...ownSheets(sheets, settings)].filter(([, kind]) => kind !== 'template').map(([name]) => name);
}
