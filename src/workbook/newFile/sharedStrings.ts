/** The shared-strings part, as Excel writes text cells: each distinct text once, cells refer to it by index. */
import { encodeCellText } from '../xlsx/xml/xml';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Text cells written (a text used twice counts twice), for the part's `count`. */
  private uses = 0;

  indexOf(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** The part's XML, in pieces of `perPiece` strings (a large ledger's text is not one giant string). */
  *xmlPieces(perPiece = 4096): Generator<string, void, void> {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">`;
    for (let from = 0; from < this.texts.length; from += perPiece) {
      yield this.texts.slice(from, from + perPiece).map(stringItem).join('');
    }
    yield '</sst>';
  }
}

function stringItem(text: string): string {
  // Leading or trailing spaces (and line breaks) survive only with xml:space="preserve".
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<si><t${preserve}>${encodeCellText(text)}</t></si>`;
}
