/** Excel.ConditionalFormatCollection (on a RangeProxy, ExcelApi 1.6) and the custom / cellValue formats. */
import { intersect, subtractRect } from '../../core/grid/rect';
import { tryParseFormula } from '../model/formula';
import { ModelError, type ConditionalFormatModel } from '../model/workbook';
import { ClientResult, SimCollection, SimObject, type Getter, type SimContext } from './base';
import { checkWritable, normalizeColor, type RangeRef } from './cells';
import { newRange, type RangeProxy } from './factories';

const TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];

function checkFormula(f: unknown): string {
  const s = String(f);
  const body = s.startsWith('=') ? s.slice(1) : s;
  if (!tryParseFormula(body)) throw new ModelError('InvalidArgument', `The formula ${s} is not valid`);
  return s.startsWith('=') ? s : `=${s}`;
}

export class ConditionalFormatCollection extends SimCollection<ConditionalFormatModel, ConditionalFormat, RangeRef> {
  protected _list(t: RangeRef): ConditionalFormatModel[] {
    return t.sheet.wb.conditionalFormats.filter((cf) => cf.sheet === t.sheet && cf.rects.some((r) => intersect(r, t.rect)));
  }
  protected _wrap(model: ConditionalFormatModel, index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => model, `${this._path}.items[${index}]`);
  }
  add(type: string): ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this._op('add', [type], (t) => {
      checkWritable(t.sheet);
      if (!TYPES.includes(type)) throw new ModelError('InvalidArgument', `"${type}" is not a ConditionalFormatType`);
      const wb = t.sheet.wb;
      created = { id: `{cf-${wb.nextId()}}`, sheet: t.sheet, rects: [{ ...t.rect }], type, fill: null, fontColor: null, bold: null, stopIfTrue: false };
      // The newest rule has the highest priority (0).
      wb.conditionalFormats.unshift(created);
    });
    return new ConditionalFormat(this.context, () => created, `${this._path}.add(${type})`);
  }
  clearAll(): void {
    this._op('clearAll', [], (t) => {
      checkWritable(t.sheet);
      const list = t.sheet.wb.conditionalFormats;
      for (const cf of list) if (cf.sheet === t.sheet) cf.rects = cf.rects.flatMap((r) => subtractRect(r, t.rect));
      for (let i = list.length - 1; i >= 0; i--) if (list[i]?.rects.length === 0) list.splice(i, 1);
    });
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  getItem(id: string): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const cf = this._list(t).find((x) => x.id === id);
      if (!cf) throw new ModelError('ItemNotFound', `No conditional format ${id}`);
      return cf;
    }, `${this._path}.getItem(${id})`);
  }
  getItemAt(index: number): ConditionalFormat {
    return new ConditionalFormat(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const cf = this._list(t)[index];
      if (!cf) throw new ModelError('ItemNotFound', `No conditional format at ${index}`);
      return cf;
    }, `${this._path}.getItemAt(${index})`);
  }
}

export class ConditionalFormat extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return {
      id: (t) => t.id,
      type: (t) => t.type,
      stopIfTrue: (t) => t.stopIfTrue,
      priority: (t) => t.sheet.wb.conditionalFormats.filter((x) => x.sheet === t.sheet).indexOf(t),
    };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'custom') return this.custom as SimObject<unknown>;
    if (name === 'cellValue') return this.cellValue as SimObject<unknown>;
    return undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._setProp('stopIfTrue', v, (t) => (t.stopIfTrue = v));
  }
  private _typed(type: string): () => ConditionalFormatModel | null {
    return () => {
      const t = this._resolve();
      if (t && t.type !== type) throw new ModelError('InvalidOperation', `The conditional format is of type ${t.type}, not ${type}`);
      return t;
    };
  }
  private _custom?: CustomConditionalFormat;
  get custom(): CustomConditionalFormat {
    this._custom ??= new CustomConditionalFormat(this.context, this._typed('Custom'), `${this._path}.custom`);
    return this._custom;
  }
  private _cellValue?: CellValueConditionalFormat;
  get cellValue(): CellValueConditionalFormat {
    this._cellValue ??= new CellValueConditionalFormat(this.context, this._typed('CellValue'), `${this._path}.cellValue`);
    return this._cellValue;
  }
  getRange(): RangeProxy {
    return newRange(this.context, () => {
      const t = this._resolve();
      const r = t?.rects[0];
      return t && r ? { sheet: t.sheet, rect: r } : null;
    }, `${this._path}.getRange()`);
  }
  delete(): void {
    this._op('delete', [], (t) => {
      const list = t.sheet.wb.conditionalFormats;
      const i = list.indexOf(t);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class CustomConditionalFormat extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return {};
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'rule') return this.rule as SimObject<unknown>;
    if (name === 'format') return this.format as SimObject<unknown>;
    return undefined;
  }
  private _rule?: ConditionalFormatRule;
  get rule(): ConditionalFormatRule {
    this._rule ??= new ConditionalFormatRule(this.context, () => this._resolve(), `${this._path}.rule`);
    return this._rule;
  }
  private _format?: ConditionalRangeFormat;
  get format(): ConditionalRangeFormat {
    this._format ??= new ConditionalRangeFormat(this.context, () => this._resolve(), `${this._path}.format`);
    return this._format;
  }
}

export class ConditionalFormatRule extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return { formula: (t) => t.formula ?? '', formulaLocal: (t) => t.formula ?? '' };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._setProp('formula', v, (t) => (t.formula = checkFormula(v)));
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this._setProp('formulaLocal', v, (t) => (t.formula = checkFormula(v)));
  }
}

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

export class CellValueConditionalFormat extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return { rule: (t) => ({ formula1: t.formula1 ?? '', formula2: t.formula2, operator: t.operator ?? 'Between' }) };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'format' ? (this.format as SimObject<unknown>) : undefined;
  }
  get rule(): { formula1: string; formula2?: string; operator: string } {
    return this._get('rule');
  }
  set rule(v: { formula1: string; formula2?: string; operator: string }) {
    this._setProp('rule', v, (t) => {
      if (!OPERATORS.includes(v.operator)) throw new ModelError('InvalidArgument', `"${v.operator}" is not a ConditionalCellValueOperator`);
      if ((v.operator === 'Between' || v.operator === 'NotBetween') && v.formula2 === undefined) throw new ModelError('InvalidArgument', 'formula2 is required');
      t.operator = v.operator;
      t.formula1 = checkFormula(v.formula1);
      if (v.formula2 !== undefined) t.formula2 = checkFormula(v.formula2);
    });
  }
  private _format?: ConditionalRangeFormat;
  get format(): ConditionalRangeFormat {
    this._format ??= new ConditionalRangeFormat(this.context, () => this._resolve(), `${this._path}.format`);
    return this._format;
  }
}

export class ConditionalRangeFormat extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return {};
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'fill') return this.fill as SimObject<unknown>;
    if (name === 'font') return this.font as SimObject<unknown>;
    return undefined;
  }
  private _fill?: ConditionalFill;
  get fill(): ConditionalFill {
    this._fill ??= new ConditionalFill(this.context, () => this._resolve(), `${this._path}.fill`);
    return this._fill;
  }
  private _font?: ConditionalFont;
  get font(): ConditionalFont {
    this._font ??= new ConditionalFont(this.context, () => this._resolve(), `${this._path}.font`);
    return this._font;
  }
}

export class ConditionalFill extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return { color: (t) => t.fill };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t) => (t.fill = normalizeColor(v)));
  }
  clear(): void {
    this._op('clear', [], (t) => (t.fill = null));
  }
}

export class ConditionalFont extends SimObject<ConditionalFormatModel> {
  protected _scalars(): Record<string, Getter<ConditionalFormatModel>> {
    return { color: (t) => t.fontColor, bold: (t) => t.bold };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t) => (t.fontColor = normalizeColor(v)));
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setProp('bold', v, (t) => (t.bold = Boolean(v)));
  }
}

export type { SimContext };
