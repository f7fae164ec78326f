/// <reference types="office-js" />
/**
 * Worksheet.onChanged for live checking. The handler only hands the address on and returns: no sync
 * inside it (on the web a sync inside an onChanged handler can hang), the work runs later in its own batch.
 * Handlers do not survive a reload: register again when the pane opens.
 */
import { runBatch, type ExcelRunner } from './session';
import { DEFAULT_TIMEOUT_MS } from './excelPort';

export interface SheetWatch {
  /** Stops the handler. */
  remove(): Promise<void>;
}

/**
 * `byThisAddin`: Excel says this add-in's own write caused the change (triggerSource, ExcelApi 1.14);
 * false on older hosts, which cannot tell.
 */
export async function watchSheetChanges(excel: ExcelRunner, sheet: string,
  onChanged: (address: string, changeType: string, byThisAddin: boolean) => void): Promise<SheetWatch> {
  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await runBatch(excel, DEFAULT_TIMEOUT_MS, `watching sheet "${sheet}"`, async (s) => {
    registration = s.context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
      onChanged(e.address, e.changeType, (e as { triggerSource?: string }).triggerSource === 'ThisLocalAddin');
    });
    await s.sync();
  });
  return {
    async remove() {
      const r = registration;
      registration = undefined;
      if (!r) return;
      await runBatch(excel, DEFAULT_TIMEOUT_MS, `no longer watching sheet "${sheet}"`, async () => {
        r.remove();
        await r.context.sync();
      });
    },
  };
}
