/** The user's selection, for "fix the selected cells" on the ribbon: one block, with its sheet. */
import type { AddinHost } from './host';

export class SelectionError extends Error {
  constructor(readonly code: 'no-selection', message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

/** Excel's answers when the selection is not one range (several areas, a chart, a shape). */
const NOT_A_RANGE = new Set(['InvalidSelection', 'InvalidOperation', 'InvalidArgument', 'ItemNotFound']);

/** The selected range's address with its sheet ("客户!B3:B9"), in one sync. */
export async function selectedAddress(host: AddinHost): Promise<string> {
  try {
    return await host.Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      await context.sync();
      return range.address;
    });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_A_RANGE.has(code)) throw new SelectionError('no-selection', 'The selection is not one block of cells.');
    throw err;
  }
}
