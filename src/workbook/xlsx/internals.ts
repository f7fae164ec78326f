/**
 * The parts of exceljs 4.4's worksheet model the adapter needs that its typings leave out. Each was
 * checked against node_modules/exceljs/lib (doc/worksheet.js, doc/table.js, doc/data-validations.js).
 */
import type ExcelJS from 'exceljs';

export interface CfRule {
  type: string;
  priority?: number;
  formulae?: unknown[];
  style?: Partial<ExcelJS.Style>;
}

export interface Cf {
  ref: string;
  rules: CfRule[];
}

/** A table's model: `tableRef` / `autoFilterRef` are what the writer puts in the file. */
export interface TableModel {
  name: string;
  displayName?: string;
  ref: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean }[];
  rows?: unknown[][];
  tl?: { row: number; col: number; address?: string };
  style?: Record<string, unknown>;
}

export interface TableInternals {
  model: TableModel;
  table?: TableModel;
}

export interface SheetInternals {
  /** Keys are cell addresses ("B2", as exceljs reads files) or ranges ("B2:B300"); undefined = removed. */
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: Cf[];
  sheetProtection: { sheet?: boolean } | null;
  tables: Record<string, TableInternals>;
  /** Merges by master address ("A1" → range). */
  _merges: Record<string, { range: string }>;
  mergeCellsWithoutStyle(range: string): void;
}

export function internals(ws: ExcelJS.Worksheet): SheetInternals {
  return ws as unknown as SheetInternals;
}
