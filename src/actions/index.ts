/** The actions, written once against the workbook port. */
export { installTemplate, planInstallTemplate, type TemplateOptions, type TemplateSummary } from './installTemplate';
export { checkContacts, planCheckContacts, ContactsError, type CheckContactsOptions, type CheckContactsSummary } from './checkContacts';
export { computeTiers, planComputeTiers, TiersError, type TierColumnsSummary, type TierOptions } from './computeTiers';
export { buildSummary, planBuildSummary, type SummarySheetSummary } from './buildSummary';
export { findDuplicates, planFindDuplicates, type FindDuplicatesOptions, type DuplicatesSummary } from './findDuplicates';
export { loadLedger, userHeaders, type ActionContext, type Ledger } from './context';
export { SettingsError } from './settingsSheet';
export { buildMaskedCopy, exportMasked, type ExportMaskedOptions, type MaskedCopy, type MaskedSummary } from './exportMasked';
export { createLiveChecker, liveCheck, liveCheckLayout, type LiveChecker, type LiveCheckLayout, type LiveCheckResult } from './liveCheck';
export { listBackups, restoreBackup, planRestoreBackup, RestoreError, type BackupInfo, type RestoreSummary, type RestoreErrorCode } from './restoreBackup';
export { importRows, planImportRows, ImportRowsError, type ImportChoice, type ImportOptions, type ImportSummary } from './importRows';
export { listCalls, type CallListSummary } from './listCalls';
export { writeCallListSheet, planCallListSheet, type CallListSheetOptions, type CallListSheetSummary } from './callListSheet';
export { protectLedger, unprotectLedger, hideColumns, NEW_ENTRY_ROWS, type ProtectSummary, type HideColumnsSummary } from './protectLedger';
export { exportContacts, exportFileName, type ExportContactsSummary } from './exportContacts';
export { filterProblems, FilterError, type FilterProblemsOptions, type FilterProblemsSummary } from './filterProblems';
export { planRemoveAdded, removeAdded, type RemoveAddedOptions, type RemoveAddedSummary, type AddedColumn, type AddedColumnsOnSheet, type AddedSheet } from './removeAdded';
