/**
 * The simulator's public face, as tests import it: the host factory (host.ts) and the direct access to
 * its workbook (directAccess.ts).
 */
export { compareVersions, createSimHost, installSimGlobals, type SimExcel, type SimHost, type SimOffice, type SimOptions } from './host';
export type { SimCell, SimSheet, SimWorkbook } from './directAccess';
export type { SimStats } from './api/base';
export { SimRichApiError } from './api/base';
export { LIMITS as DATA_VALIDATION_LIMITS } from './model/validation';
