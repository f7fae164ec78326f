/// <reference types="office-js" />
/**
 * Worksheet.onChanged for the pane's sheet watch and live checking. The handler only hands the change
 * on and returns: no sync inside it (on the web a sync inside an onChanged handler can hang), the work
 * runs later in its own batch. Handlers do not survive a reload: register again when the pane opens.
 *
 * Excel raises onChanged for this add-in's own writes too. What Excel says about who made a change is
 * passed on as it came (`ChangeOrigin`); deciding what is the add-in's own is the caller's (src/addin).
 */
import { WorkbookError } from '../port';
import { toWorkbookError } from './errors';
import { runBatch, type ExcelRunner } from './session';
import { DEFAULT_TIMEOUT_MS } from './excelPort';

/** What Excel says about who made a change. */
export interface ChangeOrigin {
  /**
   * ExcelApi 1.14+: 'ThisLocalAddin' when this add-in's own API call made it, 'Unknown' otherwise.
   * undefined on older hosts, which do not say.
   */
  triggerSource?: string;
  /** 'Local', or 'Remote' when a co-author made it. */
  source?: string;
}

export interface SheetWatch {
  /** Stops the handler. */
  remove(): Promise<void>;
}

type Registration = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

export async function watchSheetChanges(excel: ExcelRunner, sheet: string,
  onChanged: (address: string, changeType: string, origin: ChangeOrigin) => void): Promise<SheetWatch> {
  let registration: Registration | undefined;
  await runBatch(excel, DEFAULT_TIMEOUT_MS, `watching sheet "${sheet}"`, async (s) => {
    registration = s.context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
      const { triggerSource, source } = e as { triggerSource?: string; source?: string };
      onChanged(e.address, e.changeType, { triggerSource, source });
    });
    await s.sync();
  });
  return {
    async remove() {
      const r = registration;
      registration = undefined;
      if (r) await removeHandler(excel, r, `no longer watching sheet "${sheet}"`);
    },
  };
}

/**
 * Removes a handler the documented way: `remove()` inside Excel.run on the context it was added with
 * (on any other context Excel ignores the removal without an error, and the handler keeps firing).
 * Bounded by our own timeout: on the web a sync can hang without ever settling.
 */
async function removeHandler(excel: ExcelRunner, r: Registration, doing: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WorkbookError('host', `${doing}: Excel did not answer within ${Math.round(DEFAULT_TIMEOUT_MS / 1000)} s.`)), DEFAULT_TIMEOUT_MS);
  });
  const work = excel.run(r.context, async (context) => {
    r.remove();
    await context.sync();
  });
  work.catch(() => undefined); // after a timeout nobody awaits it
  try {
    await Promise.race([work, silence]);
  } catch (e) {
    throw toWorkbookError(e, doing);
  } finally {
    clearTimeout(timer);
  }
}
