/** The engine's public surface, for the task pane, the CLI and the browser bundle. */
export { analyzeSheet, analyzeSheetSteps, AnalyzeError, ROWS_PER_STEP, type AnalyzeInput, type AnalyzeProgress } from './analyze';
export { detectLayout, columnLetter, columnIndex, matchHeader, type SheetLayout } from './columns';
export { FIELDS, FIELD_BY_ID, FIELD_IDS, type FieldId, type FieldDef } from './fields';
export { checkPhone, type PhoneCheck } from './phone';
export { checkEmail, type EmailCheck } from './email';
export { parseDate } from './dates';
export { parseAmount } from './amounts';
export { parseCount } from './counts';
export { excelSerialToIso, isoToExcelSerial } from './calendar';
export { findDuplicates } from './duplicates';
export { summarize } from './summary';
export { parseSettings, DEFAULT_SETTINGS, SettingsSchema, type Settings } from './settings';
export { ReportSchema, type Report, type ReportRow } from './report';
export { rankCustomerSheets, type SheetValues } from './workbookPick';
