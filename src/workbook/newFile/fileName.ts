/** The file name a new workbook is saved or downloaded under: its sheet's name, minus what Windows forbids in file names. */
export function xlsxFileName(sheetName: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what is being replaced
  return `${sheetName.replace(/[\\/:*?"<>|\u0000-\u001F]/g, '_').trim() || 'Book1'}.xlsx`;
}
