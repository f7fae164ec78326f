/**
 * What the playground's Excel does with a new workbook (Excel.createWorkbook): there is no second Excel
 * window in a page, so the file is downloaded, named after its sheet ("客户信息（脱敏）.xlsx").
 */
import { unzipSync, strFromU8 } from 'fflate';
import { xlsxFileName } from '../workbook/newFile/fileName';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The first sheet's name in the package's workbook part (entities decoded), or null. */
export function firstSheetName(file: Uint8Array): string | null {
  try {
    const part = unzipSync(file, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'];
    const name = part && /<sheet\b[^>]*\bname="([^"]*)"/.exec(strFromU8(part))?.[1];
    if (!name) return null;
    return name.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
      if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
  } catch {
    return null;
  }
}

/** Saves the file through the browser: a Blob behind a temporary <a download>, removed at once. */
export function downloadWorkbook(file: Uint8Array, doc: Document = document): string {
  const fileName = xlsxFileName(firstSheetName(file) ?? 'Book1');
  const url = URL.createObjectURL(new Blob([file as BlobPart], { type: XLSX_TYPE }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is freed once it had time to be read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
