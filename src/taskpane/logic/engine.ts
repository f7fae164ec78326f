/**
 * Everything heavy the pane needs (the engine with libphonenumber, opencc and zod, the actions, the
 * Office.js adapter), loaded with a dynamic import() so the first screen paints before it arrives.
 */
export { installTemplate, checkContacts, computeTiers, buildSummary, findDuplicates, loadLedger } from '../../actions';
export { readWorkbookSettings, settingsOps } from '../../actions/settingsSheet';
export { ExcelWorkbookPort } from '../../workbook/excel/excelPort';
export { parseSettings } from '../../core/settings';
