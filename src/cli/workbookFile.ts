/**
 * The CLI's workbook files: opened into the package port (after checkInputFile has looked at the bytes),
 * and saved through the safe output writer. A file the package cannot read is refused in our words.
 */
import * as fs from 'node:fs/promises';
import { XlsxWorkbookPort } from '../workbook/xlsx/xlsxPort';
import { PackageError } from '../workbook/xlsx/package/xlsxPackage';
import { zipChunks } from '../workbook/xlsx/zip/zipWrite';
import { XmlError } from '../workbook/xlsx/xml/xml';
import { useCodec } from '../workbook/xlsx/zip/codec';
import { nodeCodec } from '../workbook/xlsx/zip/nodeCodec';

// Node's zlib: native inflate, deflate and CRC, several times faster than the browser's JavaScript ones.
useCodec(nodeCodec);
import { InputFileError, damagedWorkbook } from './inputFile';
import { writeOutputFile } from './outFile';

export async function openWorkbookFile(file: string): Promise<XlsxWorkbookPort> {
  const bytes = await fs.readFile(file);
  try {
    return XlsxWorkbookPort.open(bytes);
  } catch (err) {
    throw refusalFor(file, err);
  }
}

/** A package error met while reading (a sheet's XML cut short, a part missing) as the user's refusal. */
export function refusalFor(file: string, err: unknown): unknown {
  if (err instanceof XmlError) return damagedWorkbook(file);
  if (!(err instanceof PackageError)) return err;
  if (err.code === 'strict') return new InputFileError('strict', `${file} is saved as Strict Open XML; open it in Excel and save it as "Excel Workbook (.xlsx)", then try again.`);
  if (err.code === 'binary') return new InputFileError('xlsb', `${file} is a binary workbook (.xlsb); open it in Excel and save it as "Excel Workbook (.xlsx)", then try again.`);
  if (err.code === 'encrypted-entry') return new InputFileError('encrypted', `${file} has encrypted parts; open it in Excel, remove the password, save it, and try again.`);
  return damagedWorkbook(file);
}

/** Writes the port's package to `out` (all or nothing); parts it did not change are copied as they came. */
export async function saveWorkbookFile(port: XlsxWorkbookPort, out: string, options: { force: boolean; input: string }): Promise<void> {
  await writeOutputFile(out, zipChunks(port.zipParts()), options);
}
