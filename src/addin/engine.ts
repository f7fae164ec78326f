/**
 * Everything heavy the add-in needs (the engine with libphonenumber, opencc and zod, the actions, the
 * Office.js adapter), loaded with a dynamic import() so the pane's first screen paints — and a ribbon
 * click registers — before it arrives.
 */
export { installTemplate, checkContacts, computeTiers, buildSummary, findDuplicates, exportMasked, listBackups, restoreBackup, loadLedger, userHeaders, listCalls, writeCallListSheet, protectLedger, unprotectLedger, hideColumns } from '../actions';
export { importRows, planImportRows } from '../actions/importRows';
export { exportContacts } from '../actions/exportContacts';
export { filterProblems } from '../actions/filterProblems';
export { planRemoveAdded, removeAdded } from '../actions/removeAdded';
export { readIncomingFile } from './incomingFile';
export { readWorkbookSettings, settingsOps } from '../actions/settingsSheet';
export { ExcelWorkbookPort } from '../workbook/excel/excelPort';
export { parseSettings } from '../core/settings';
export { ownWritesOf, trackOwnWrites } from './ownWrites';
