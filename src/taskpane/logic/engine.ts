/**
 * Everything heavy the pane needs (the engine with libphonenumber, opencc and zod, the actions, the
 * Office.js adapter, the change watch), loaded with a dynamic import() so the first screen paints before it arrives.
 */
export { installTemplate, checkContacts, computeTiers, buildSummary, findDuplicates, exportMasked, listBackups, restoreBackup, loadLedger } from '../../actions';
export { readWorkbookSettings, settingsOps } from '../../actions/settingsSheet';
export { ExcelWorkbookPort } from '../../workbook/excel/excelPort';
export { parseSettings } from '../../core/settings';
export { watchPaneSheet } from './sheetWatch';
