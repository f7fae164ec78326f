/** Office.js errors → WorkbookError codes. Messages name the operation and the error code, never cell data. */
import { WorkbookError } from '../port';

type Code = WorkbookError['code'];

const HINTS: Record<Code, string> = {
  'not-found': 'a sheet, range or object it refers to does not exist',
  protected: 'the sheet is protected',
  exists: 'an object with that name already exists',
  'too-large': 'the data is larger than Excel accepts in one request',
  unsupported: 'this version of Excel does not support it',
  host: 'Excel reported an error',
  cancelled: 'the run was cancelled',
  edited: 'the sheet changed while the add-in was reading it',
};

export function officeErrorCode(e: unknown): string | null {
  if (!e || typeof e !== 'object') return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

export function isPayloadTooLarge(e: unknown): boolean {
  if (e instanceof WorkbookError) return e.code === 'too-large' && /PayloadSizeLimitExceeded/.test(e.message);
  const code = officeErrorCode(e) ?? '';
  const message = e instanceof Error ? e.message : '';
  return /PayloadSizeLimitExceeded/.test(code) || /PayloadSizeLimitExceeded/.test(message);
}

export function workbookCodeFor(officeCode: string): Code {
  if (/PayloadSizeLimitExceeded/.test(officeCode) || officeCode === 'RangeExceedsLimit') return 'too-large';
  switch (officeCode) {
    case 'ItemNotFound':
      return 'not-found';
    case 'AccessDenied':
      return 'protected';
    case 'ItemAlreadyExists':
      return 'exists';
    case 'ApiNotFound':
      return 'unsupported';
    default:
      return 'host';
  }
}

/**
 * Wraps an Office error as a WorkbookError. `doing` says what the adapter was doing ("writeBlock on
 * sheet 客户"); the Office message itself is left out because it can quote cell contents.
 */
export function toWorkbookError(e: unknown, doing: string): unknown {
  if (e instanceof WorkbookError) return e;
  const officeCode = officeErrorCode(e);
  if (officeCode === null) {
    // Payload errors sometimes arrive with the code only in the message.
    if (isPayloadTooLarge(e)) return new WorkbookError('too-large', `${doing}: ${HINTS['too-large']} (PayloadSizeLimitExceeded).`);
    return e;
  }
  const code = workbookCodeFor(officeCode);
  return new WorkbookError(code, `${doing}: ${HINTS[code]} (${officeCode}).`);
}
