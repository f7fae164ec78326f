/**
 * `customer-ledger` command line: the same engine as the add-in, on .xlsx files.
 * Exit codes: 0 success, 2 a file or sheet we cannot use (one line, no stack), 1 a bug.
 */
import { parseArgs } from 'node:util';
import { analyzeSheet, AnalyzeError } from '../core/analyze';
import type { Report } from '../core/report';
import { rankCustomerSheets, tiedWithBest, type SheetValues } from '../core/workbookPick';
import { crmFacts, crmSignals, type CrmSignal } from '../core/crmSignals';
import { openWorkbookFile, refusalFor } from './workbookFile';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { pickLocale, type Locale } from '../i18n/strings';
import { formatReport } from './formatReport';
import { reportJsonPieces } from './reportJson';
import { ZodError } from 'zod';
import { ApplyRefusal, parseOnly, runApply } from './apply';
import { refusalText } from './refusals';
import { checkInputFile, InputFileError } from './inputFile';
import { OutputFileError, refuseOutputOverInput, writeOutputFile } from './outFile';
import { ImportError } from '../core/importRows';
import { ImportRefusal, runImport } from './importFile';
import { callListLines } from '../i18n/callList';
import { CRM_FORMATS, crmContacts, crmCsv, crmVcards, type CrmFormat } from '../core/crmExport';
import { WorkbookError } from '../workbook/port';
import { ContactsError, ImportRowsError, listCalls, SettingsError, TiersError } from '../actions';
import { runRemoveAdded } from './removeAdded';
import { tieNote } from './resultLines';
import { ledgerTermsOf } from '../actions/context';
import { ownedColumnOf } from '../actions/names';
import type { LedgerTerms } from '../i18n/terms';

const USAGE = `customer-ledger — check, tier and de-duplicate a customer ledger (客户台账)

Usage:
  customer-ledger analyze FILE.xlsx [--sheet NAME] [--as-of YYYY-MM-DD] [--region auto|CC] [--area-code N] [--json]
                  [--lang zh-CN|en-US]
  customer-ledger apply FILE.xlsx --out OUT.xlsx [--force] [--only template,contacts,tiers,duplicates,summary,masked]
                  [--as-of YYYY-MM-DD] [--sheet NAME] [--region auto|CC] [--area-code N] [--lang zh-CN|en-US]
                  [--fix-phones] [--phone-style local|e164] [--fix-emails] [--accept-suggestions]
                  [--archive-duplicates] [--merge-duplicates] [--rfm]
  customer-ledger export FILE.xlsx --format zoho|hubspot|vcard --out OUT [--force] [--sheet NAME]
                  [--region auto|CC] [--area-code N] [--lang zh-CN|en-US]
  customer-ledger import LEDGER.xlsx FROM.csv|FROM.xlsx --out OUT.xlsx [--force] [--sheet NAME]
                  [--from-sheet NAME] [--no-update] [--region CC] [--lang zh-CN|en-US]
  customer-ledger today FILE.xlsx [--as-of YYYY-MM-DD] [--quiet-days N] [--sheet NAME] [--region CC]
                  [--json] [--lang zh-CN|en-US]
  customer-ledger remove-added FILE.xlsx --out OUT.xlsx [--archives] [--backups] [--force] [--lang zh-CN|en-US]
  customer-ledger --help | --version

Commands:
  analyze   Find the customer sheet and its columns, check every phone and email, compute value tier,
            status and lifecycle, and find duplicate customers. Prints a readable summary, or the full
            report as JSON with --json. The file is only read, never changed.
  apply     Run the actions on a copy written to --out (never over the input): check columns for
            phones and emails, tier columns, duplicate groups, a summary sheet; with --only template
            a customer template sheet; with --only masked a copy of the customer rows with phones
            (138****8000) and emails (l***@qq.com) masked, for sharing outside the team (re-running
            replaces that copy). Original cells change only with --fix-phones, --fix-emails,
            --accept-suggestions, --archive-duplicates or --merge-duplicates, and only after a backup
            sheet is made. --fix-phones writes numbers as the region writes them at home (138 1234 5678,
            0571-8888 6666; other countries' with their country code), --phone-style e164 as +8613812345678.
            --merge-duplicates fills the kept row's blanks from its group, adds amounts
            and orders, keeps the earliest first and the latest last purchase, joins notes, then
            archives the other rows (never deleted). --rfm adds recency-frequency-monetary
            scores (quintiles, 1-5) and segments (champions, loyal, at risk, hibernating...) to the tiers.
            Default --only: contacts,tiers,duplicates,summary.
  import    Bring a list in without duplicates: FROM's columns are mapped onto the ledger's, every row
            is matched against the ledger and the rest of FROM; new customers are added below the
            ledger, known ones get their blank cells filled (never a value replaced; --no-update
            leaves them), repeats and possible matches are left out and listed. A CSV may be UTF-8
            or GBK (as Chinese Excel saves it). Written to --out after a backup sheet; inputs unchanged.
  today     Whom to call: follow-ups overdue or due within 7 days (a next follow-up column), high-value
            customers quiet for --quiet-days (default: the settings sheet's quietDays, else 30) or
            dormant, new customers never contacted; the most urgent first, the most valuable first
            within each. The settings sheet's as-of date and thresholds count as in the pane. The file
            is only read.
  export    Write the customers for a CRM: --format zoho or hubspot (a CSV in that CRM's contact
            import layout, UTF-8 with a byte-order mark, phones in E.164) or vcard (a .vcf for phones).
            The workbook is only read.

Options:
  --sheet NAME        the sheet to analyze (default: the sheet that looks most like a customer list)
  --as-of DATE        the date tiers are computed for, 1900-01-01 to 9999-12-31 (default: today)
  --region CC         country for numbers typed without a country code, e.g. CN, US, HK, or auto: the
                      region most of the ledger's numbers are valid in, ties to the language's (default:
                      auto; apply keeps a region saved in the workbook's settings sheet)
  --area-code N       put in front of local numbers typed without their area code (e.g. 415, 0571)
  --json              print the report as JSON on stdout
  --lang LOCALE       zh-CN or en-US (also zh, en, zh_CN, en_US): the language of the messages (default:
                      from LANG) and, for apply, of the sheets and columns it adds (default: the ledger's)
  --out OUT.xlsx      apply: the copy to write, through a temporary file beside it, all or nothing
  --force             apply: replace OUT.xlsx if it already exists (never the input, never a folder)

Refused with exit code 2 and one line on stderr (exit code 1 is a bug: please report it):
  FILE    missing, a folder, a device or pipe, empty, damaged or not a workbook at all; an .xls
          (Excel 97–2003), .xlsb, password-protected or Strict Open XML workbook (save it in Excel as
          "Excel Workbook (.xlsx)"); for apply also one holding parts the copy would lose (PivotTables…)
  --out   the input itself (by any path), an existing file without --force, a folder or device, a
          missing folder or one it may not write in, a full disk (nothing is written then)
  other   an impossible --as-of, an unknown --region, --lang or --only value, option or sheet
`;

/** A problem the user can fix: printed as one line, exit code 2. */
class UsageError extends Error {}

/** The spellings --lang accepts: zh-CN and en-US, any case, "_" for "-", a region or script left out, an encoding suffix. */
const LANG_OPTION = /^(?:zh(?:-hans)?(?:-cn)?|en(?:-us)?)(?:\.[\w-]+)?$/i;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar day Excel can hold (its dates start on 1900-01-01), or a UsageError saying why not. */
function checkAsOf(asOf: string): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw new UsageError(`--as-of must be a date like 2026-11-22, not "${asOf}".`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new UsageError(`--as-of must be a real date like 2026-11-22, not "${asOf}" (there is no such day).`);
  }
  if (year < 1900) throw new UsageError(`--as-of must be between 1900-01-01 and 9999-12-31, not "${asOf}".`);
}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
};

function version(): string {
  // Resolved at run time so the compiled CLI reads the package it ships with.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

/** --as-of, --region, --area-code and --lang, checked the same way for every command. */
function sharedOptions(values: { 'as-of'?: string; region?: string; 'area-code'?: string; lang?: string }, io: CliIO):
  { locale: Locale; asOf?: string; region?: string; areaCode?: string; language?: string } {
  const asOf = values['as-of'];
  if (asOf !== undefined) checkAsOf(asOf);
  const region = values.region?.trim().toLowerCase() === 'auto' ? 'auto' : values.region?.toUpperCase();
  // A code libphonenumber does not know would silently read every number as having no country.
  if (region !== undefined && region !== 'auto' && !(/^[A-Z]{2}$/.test(region) && isSupportedCountry(region))) {
    throw new UsageError(`--region must be a country code such as CN, US or HK, not "${values.region}".`);
  }
  if (values.lang !== undefined && !LANG_OPTION.test(values.lang.replace(/_/g, '-'))) {
    throw new UsageError(`--lang must be zh-CN or en-US (also zh, en, zh_CN, en_US), not "${values.lang}".`);
  }
  const areaCode = values['area-code']?.replace(/[\s()-]/g, '');
  if (areaCode !== undefined && !/^\d{1,5}$/.test(areaCode)) {
    throw new UsageError(`--area-code must be 1 to 5 digits such as 415 or 0571, not "${values['area-code']}".`);
  }
  const tag = values.lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG;
  const locale: Locale = pickLocale(tag);
  // The language as given (en_GB.UTF-8 → GB) breaks ties when the region is detected.
  return { locale, asOf, region, areaCode, language: tag || locale };
}

/**
 * Read the file, pick the sheet, analyze it: its own function, so the sheet values (most of the memory
 * a large file takes) are garbage once the report exists, before the report is written out.
 */
async function analyzeFile(file: string, sheetOption: string | undefined, settings: { region?: string; asOf: string | null; areaCode?: string },
  locale: Locale, io: CliIO, language?: string): Promise<{ report: Report; terms: LedgerTerms; crm: CrmSignal[] }> {
  const sheet = await customerSheet(file, sheetOption, locale, io);
  const report = analyzeSheet({ sheet: sheet.name, values: sheet.values, settings, language });
  // The add-in's own columns by their headers (a read-only report has no settings sheet to ask).
  const headerIndex = report.headerRow - 1;
  const own = (sheet.values[headerIndex] ?? []).flatMap((h, c) => (ownedColumnOf(h) ? [c] : []));
  return { report, terms: ledgerTermsOf(sheet.values, headerIndex, own), crm: crmSignals(crmFacts(sheet.values, report)) };
}

/** The sheet asked for, or the one that looks most like a customer list (a tie is said on stderr). */
async function customerSheet(file: string, sheetOption: string | undefined, locale: Locale, io: CliIO): Promise<SheetValues> {
  const port = await openWorkbookFile(file);
  let sheets: SheetValues[];
  try {
    sheets = [];
    // Names and visibility come from the workbook part: each sheet is then read once, for its values.
    const all = port.sheetStates();
    for (const s of all) {
      // The sheet asked for by name is the only one read; otherwise every sheet is ranked.
      if (sheetOption !== undefined && s.name !== sheetOption) continue;
      sheets.push({ name: s.name, values: await port.readValues(s.name), hidden: s.state !== 'visible' });
    }
    if (sheetOption !== undefined && sheets.length === 0) {
      throw new UsageError(`No sheet named "${sheetOption}" in ${file}. Sheets: ${all.map((s) => s.name).join(', ')}.`);
    }
  } catch (err) {
    throw refusalFor(file, err);
  }
  let sheetName = sheetOption;
  if (sheetName === undefined) {
    const ranked = rankCustomerSheets(sheets);
    if (ranked.length === 0) {
      throw new UsageError(`No sheet in ${file} looks like a customer list (no header with name, phone, email… columns).`);
    }
    sheetName = ranked[0]!.name;
    const tied = tiedWithBest(ranked);
    // Said on stderr: stdout stays the summary or pure JSON.
    if (tied.length > 0) io.err(`${tieNote(sheetName, tied, locale)}\n`);
  }
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw new UsageError(`No sheet named "${sheetName}" in ${file}. Sheets: ${sheets.map((s) => s.name).join(', ')}.`);
  }
  return sheet;
}

async function analyzeCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      region: { type: 'string' },
      'area-code': { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('analyze needs exactly one FILE.xlsx (see --help).');
  const { locale, asOf, region, areaCode, language } = sharedOptions(values, io);
  const settings = { region, asOf: asOf ?? null, areaCode };
  // Before any library reads it: a device or pipe is never read, an .xls or a damaged file is named.
  await checkInputFile(file);

  const { report, terms, crm } = await analyzeFile(file, values.sheet, settings, locale, io, language);
  if (values.json) {
    for (const piece of reportJsonPieces(report)) io.out(piece);
    io.out('\n');
  } else {
    io.out(formatReport(report, locale, terms, crm));
  }
  return 0;
}

async function importCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sheet: { type: 'string' },
      'from-sheet': { type: 'string' },
      'no-update': { type: 'boolean', default: false },
      region: { type: 'string' },
      lang: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const [ledger, from] = positionals;
  if (!ledger || !from || positionals.length > 2) throw new UsageError('import needs LEDGER.xlsx and FROM.csv (or FROM.xlsx) (see --help).');
  if (!values.out) throw new UsageError('import needs --out OUT.xlsx: it never writes over its input.');
  const { locale, region } = sharedOptions(values, io);
  const lines = await runImport({
    ledger, from, out: values.out, force: values.force, sheet: values.sheet, fromSheet: values['from-sheet'],
    update: !values['no-update'], locale, now: new Date(), settings: region ? { region } : {},
  });
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

async function todayCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      'quiet-days': { type: 'string' },
      region: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('today needs exactly one FILE.xlsx (see --help).');
  const quietText = values['quiet-days'];
  if (quietText !== undefined && (!/^\d{1,4}$/.test(quietText) || +quietText < 1)) {
    throw new UsageError(`--quiet-days must be a whole number of days from 1 to 9999, not "${quietText}".`);
  }
  const { locale, asOf, region } = sharedOptions(values, io);
  await checkInputFile(file);
  // As the pane does: the workbook's settings sheet (as-of date, thresholds, quiet days) unless an option says otherwise.
  const port = await openWorkbookFile(file);
  let calls;
  try {
    calls = await listCalls({ port, locale, now: new Date(), sheet: values.sheet, settings: { ...(region ? { region } : {}), ...(asOf ? { asOf } : {}) } },
      quietText === undefined ? {} : { quietDays: +quietText });
  } catch (err) {
    throw refusalFor(file, err);
  }
  // Said on stderr, as analyze says it: stdout stays the list or pure JSON.
  if (calls.alternatives.length > 0) io.err(`${tieNote(calls.sheet, calls.alternatives, locale)}\n`);
  if (values.json) io.out(`${JSON.stringify(calls, null, 2)}\n`);
  else io.out(`${callListLines(calls.items, calls.asOf, locale).join('\n')}\n`);
  return 0;
}

async function exportCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      sheet: { type: 'string' },
      region: { type: 'string' },
      'area-code': { type: 'string' },
      lang: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('export needs exactly one FILE.xlsx (see --help).');
  const format = values.format as CrmFormat | undefined;
  if (!format || !CRM_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${CRM_FORMATS.join(', ')}${values.format === undefined ? '' : `, not "${values.format}"`}.`);
  if (!values.out) throw new UsageError(`export needs --out, such as contacts.${format === 'vcard' ? 'vcf' : 'csv'}.`);
  const { locale, region, areaCode, language } = sharedOptions(values, io);
  await checkInputFile(file);
  await refuseOutputOverInput(values.out, file);
  const sheet = await customerSheet(file, values.sheet, locale, io);
  const report = analyzeSheet({ sheet: sheet.name, values: sheet.values, settings: { region, asOf: null, areaCode }, language });
  const contacts = crmContacts(sheet.values, report);
  const text = format === 'vcard' ? crmVcards(contacts) : crmCsv(contacts, format);
  await writeOutputFile(values.out, [new TextEncoder().encode(text)], { force: values.force });
  io.out(locale === 'zh-CN'
    ? `已从「${sheet.name}」导出 ${contacts.length} 位客户到 ${values.out}\n`
    : `exported ${contacts.length} customers from "${sheet.name}" to ${values.out}\n`);
  return 0;
}

/** Takes out what the add-in added (columns, rules, summary, settings), into a copy; archives and backups only when asked. */
async function removeAddedCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      lang: { type: 'string' },
      archives: { type: 'boolean', default: false },
      backups: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('remove-added needs exactly one FILE.xlsx (see --help).');
  if (!values.out) throw new UsageError('remove-added needs --out OUT.xlsx: it never writes over its input.');
  const { locale } = sharedOptions(values, io);
  const lines = await runRemoveAdded({ file, out: values.out, archives: values.archives, backups: values.backups, force: values.force, locale, now: new Date() });
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

async function applyCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      sheet: { type: 'string' },
      'as-of': { type: 'string' },
      region: { type: 'string' },
      'area-code': { type: 'string' },
      lang: { type: 'string' },
      'fix-phones': { type: 'boolean', default: false },
      'phone-style': { type: 'string', default: 'local' },
      'fix-emails': { type: 'boolean', default: false },
      'accept-suggestions': { type: 'boolean', default: false },
      'archive-duplicates': { type: 'boolean', default: false },
      'merge-duplicates': { type: 'boolean', default: false },
      rfm: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('apply needs exactly one FILE.xlsx (see --help).');
  if (values.out === undefined) throw new UsageError('apply needs --out OUT.xlsx: it never writes over its input.');
  if (values.out === '') throw new UsageError('--out needs a file name, such as checked.xlsx.');
  const { locale, asOf, region, areaCode } = sharedOptions(values, io);
  const phoneStyle = values['phone-style'];
  if (phoneStyle !== 'local' && phoneStyle !== 'e164') throw new UsageError(`--phone-style must be local or e164, not "${phoneStyle}".`);
  const lines = await runApply({
    file, out: values.out, only: parseOnly(values.only), locale, workbookLocale: values.lang ? locale : undefined, now: new Date(), sheet: values.sheet,
    settings: { ...(region ? { region } : {}), ...(asOf !== undefined ? { asOf } : {}), ...(areaCode !== undefined ? { areaCode } : {}) },
    fixPhones: values['fix-phones'], phoneStyle, fixEmails: values['fix-emails'], acceptSuggestions: values['accept-suggestions'],
    archiveDuplicates: values['archive-duplicates'], mergeDuplicates: values['merge-duplicates'], rfm: values.rfm, force: values.force,
  });
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** One line whatever a file name holds: line breaks and other control characters are shown escaped. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what is being replaced
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The language of messages: --lang when given (as --lang X or --lang=X), else the environment's. */
function messageLocale(argv: readonly string[], io: CliIO): Locale {
  const at = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  const lang = at >= 0 ? argv[at + 1] : inline?.slice('--lang='.length);
  return pickLocale(lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return 0;
    }
    const commands: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
      apply: applyCommand, import: importCommand, today: todayCommand, export: exportCommand, analyze: analyzeCommand,
      'remove-added': removeAddedCommand,
    };
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (run) {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.out(USAGE);
        return 0;
      }
      return await run(rest, io);
    }
    throw new UsageError(`Unknown command "${command}". Try: customer-ledger --help`);
  } catch (err) {
    if (err instanceof UsageError || err instanceof AnalyzeError || err instanceof ApplyRefusal ||
      err instanceof WorkbookError || err instanceof SettingsError || err instanceof ContactsError || err instanceof TiersError ||
      err instanceof InputFileError || err instanceof OutputFileError || err instanceof ImportRefusal ||
      err instanceof ImportError || err instanceof ImportRowsError) {
      io.err(`customer-ledger: ${oneLine(refusalText(err.message, messageLocale(argv, io)))}\n`);
      return 2;
    }
    if (err instanceof ZodError) {
      io.err(`customer-ledger: ${oneLine(`invalid settings: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)}\n`);
      return 2;
    }
    // Checked by code, not instanceof: node's errors may come from another realm (jest's vm).
    if (typeof (err as NodeJS.ErrnoException)?.code === 'string' && (err as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')) {
      const message = (err as Error).message;
      io.err(`customer-ledger: ${oneLine(message)} (see --help)\n`);
      return 2;
    }
    io.err(`customer-ledger: internal error, please report it: ${err instanceof Error ? err.stack : String(err)}\n`);
    return 1;
  }
}
