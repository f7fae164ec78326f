/**
 * What an exceljs read + write of a workbook would lose, found before anything is written, and the write.
 *
 * exceljs 4.4 writes only the parts it models: sheets (values, formulas, styles, merges, column widths,
 * row heights, views, page setup, protection, autofilter), shared strings, styles, defined names, data
 * validations, conditional formats (including its x14 data bars / icon sets), Excel tables, notes (legacy
 * comments) and pictures (images anchored in a drawing). Everything else is dropped on the round trip;
 * the parts below are the ones a user would miss. Checked empirically in
 * test/workbook/xlsx/fileParts.test.ts: a picture and a note survive; a text box in the same drawing, and
 * every part listed here, do not.
 *
 * Dropped without a refusal (nothing the user made by hand): custom XML (document-management
 * metadata), printer settings, add-in (web extension) task-pane bindings, the calculation chain.
 */
import * as fs from 'node:fs/promises';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';

interface PartRule {
  what: string;
  path: RegExp;
  /** Only when the part's XML matches (e.g. a drawing that holds shapes, not just pictures). */
  content?: RegExp;
}

/** Human-readable names of what would be lost, in the order a user cares about. */
export const UNSUPPORTED_PARTS: readonly PartRule[] = [
  { what: 'PivotTables', path: /^xl\/(pivotTables|pivotCache)\// },
  { what: 'charts', path: /^xl\/(charts|chartsheets)\// },
  { what: 'macros', path: /(^|\/)vbaProject\.bin$|^xl\/macrosheets\// },
  { what: 'slicers', path: /^xl\/(slicers|slicerCaches)\// },
  { what: 'timelines', path: /^xl\/(timelines|timelineCaches)\// },
  { what: 'links to other workbooks', path: /^xl\/externalLinks\// },
  { what: 'data connections and queries', path: /^xl\/(connections\.xml$|queryTables\/)/ },
  { what: 'a Power Pivot data model', path: /^xl\/model\// },
  { what: 'shapes and text boxes', path: /^xl\/drawings\/[^/]+\.xml$/, content: /<(\w+:)?(sp|grpSp|cxnSp)[\s>]/ },
  { what: 'SmartArt', path: /^xl\/diagrams\// },
  { what: 'form controls', path: /^xl\/ctrlProps\// },
  { what: 'ActiveX controls', path: /^xl\/activeX\// },
  { what: 'embedded objects', path: /^xl\/embeddings\// },
  { what: 'threaded comments', path: /^xl\/threadedComments\// },
  { what: 'pictures in cells and linked data types', path: /^xl\/richData\// },
  { what: 'dialog sheets', path: /^xl\/dialogsheets\// },
  { what: 'sparklines', path: /^xl\/worksheets\/[^/]+\.xml$/, content: /sparklineGroups/ },
  { what: 'data validations Excel keeps in its 2010 extension (lists from other sheets)', path: /^xl\/worksheets\/[^/]+\.xml$/, content: /<x14:dataValidations[\s>]/ },
  // exceljs neither reads nor writes it (test/hostile/workbookProtection.test.ts): the copy would come out unprotected.
  { what: 'workbook structure protection', path: /^xl\/workbook\.xml$/, content: /<(\w+:)?workbookProtection\b[^>]*\block(Structure|Windows)="(1|true)"/ },
];

/**
 * Names of what `path` holds that exceljs would drop ("PivotTables", "charts", "macros", …); [] when
 * nothing would be lost, or when the file is not a zip at all (reading it will say what is wrong).
 */
export async function findUnsupportedParts(path: string): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await fs.readFile(path));
  } catch {
    return [];
  }
  const found = new Set<string>();
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  for (const rule of UNSUPPORTED_PARTS) {
    for (const entry of entries) {
      if (found.has(rule.what) || !rule.path.test(entry.name)) continue;
      if (rule.content && !rule.content.test(await entry.async('string'))) continue;
      found.add(rule.what);
    }
  }
  return UNSUPPORTED_PARTS.map((r) => r.what).filter((w) => found.has(w));
}

/**
 * Writes the workbook to `outPath` (through a temporary file beside it, so a failed write leaves no
 * half file). Excel recalculates on open: formulas the adapter wrote have no cached results.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, outPath: string): Promise<void> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const tmp = `${outPath}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(tmp);
    await fs.rename(tmp, outPath);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
