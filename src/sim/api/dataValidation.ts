/** Excel.DataValidation (on a RangeProxy, ExcelApi 1.8), with Excel's length limits. */
import { contains, intersect, rectCells, subtractRect } from '../../core/grid/rect';
import { checkErrorAlert, checkPrompt, cellIsValid, parseRule, ruleToApi } from '../model/validation';
import { type ValidationModel } from '../model/workbook';
import { SimObject, type Getter } from './base';
import { checkWritable, type RangeRef } from './cells';

function covering(t: RangeRef): { all: ValidationModel[]; whole: ValidationModel | null } {
  const wb = t.sheet.wb;
  const all = wb.validationsIn(t.sheet, t.rect);
  const only = all[0];
  if (all.length !== 1 || !only) return { all, whole: null };
  let covered = 0;
  for (const r of only.rects) {
    const x = intersect(r, t.rect);
    if (x) covered += rectCells(x);
  }
  return { all, whole: covered === rectCells(t.rect) || only.rects.some((r) => contains(r, t.rect)) ? only : null };
}

export class DataValidation extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return {
      type: (t) => {
        const { all, whole } = covering(t);
        if (all.length === 0) return 'None';
        if (whole) return whole.rule?.type ?? 'None';
        // As Excel words it: rules on some cells but not all, or different rules over every cell.
        let uncovered = [t.rect];
        for (const v of all) for (const r of v.rects) uncovered = uncovered.flatMap((u) => subtractRect(u, r));
        return uncovered.length > 0 ? 'MixedCriteria' : 'Inconsistent';
      },
      rule: (t) => ruleToApi(covering(t).whole?.rule ?? null),
      prompt: (t) => ({ ...(covering(t).whole?.prompt ?? { showPrompt: true, title: '', message: '' }) }),
      errorAlert: (t) => ({ ...(covering(t).whole?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' }) }),
      ignoreBlanks: (t) => covering(t).whole?.ignoreBlanks ?? true,
      valid: (t) => {
        const used = t.sheet.usedRect(true);
        const area = used ? intersect(used, t.rect) : null;
        for (const v of t.sheet.wb.validationsIn(t.sheet, t.rect)) {
          for (const r of v.rects) {
            const x = area ? intersect(r, area) : null;
            if (!x) {
              if (!v.ignoreBlanks && v.rule && intersect(r, t.rect)) return false;
              continue;
            }
            for (let rr = x.r0; rr <= x.r1; rr++) for (let cc = x.c0; cc <= x.c1; cc++) if (!cellIsValid(v, t.sheet, rr, cc)) return false;
          }
        }
        return true;
      },
    };
  }
  get type(): string {
    return this._get('type');
  }
  get valid(): boolean {
    return this._get('valid');
  }
  get rule(): Record<string, unknown> {
    return this._get('rule');
  }
  set rule(v: Record<string, unknown>) {
    this._setProp('rule', v, (t) => {
      checkWritable(t.sheet);
      const parsed = parseRule(v);
      t.sheet.wb.validationFor(t.sheet, t.rect).rule = parsed;
    });
  }
  get prompt(): { showPrompt?: boolean; title?: string; message?: string } {
    return this._get('prompt');
  }
  set prompt(v: { showPrompt?: boolean; title?: string; message?: string }) {
    this._setProp('prompt', v, (t) => {
      checkWritable(t.sheet);
      checkPrompt(v);
      const m = t.sheet.wb.validationFor(t.sheet, t.rect);
      m.prompt = { showPrompt: v.showPrompt ?? m.prompt.showPrompt, title: v.title ?? m.prompt.title, message: v.message ?? m.prompt.message };
    });
  }
  get errorAlert(): { showAlert?: boolean; style?: string; title?: string; message?: string } {
    return this._get('errorAlert');
  }
  set errorAlert(v: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this._setProp('errorAlert', v, (t) => {
      checkWritable(t.sheet);
      checkErrorAlert(v);
      const m = t.sheet.wb.validationFor(t.sheet, t.rect);
      m.errorAlert = {
        showAlert: v.showAlert ?? m.errorAlert.showAlert,
        style: (v.style as 'Stop' | undefined) ?? m.errorAlert.style,
        title: v.title ?? m.errorAlert.title,
        message: v.message ?? m.errorAlert.message,
      };
    });
  }
  get ignoreBlanks(): boolean {
    return this._get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this._setProp('ignoreBlanks', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.wb.validationFor(t.sheet, t.rect).ignoreBlanks = Boolean(v);
    });
  }
  /** Removes every validation rule from the range (including ones the user made). */
  clear(): void {
    this._op('clear', [], (t) => {
      checkWritable(t.sheet);
      t.sheet.wb.clearValidation(t.sheet, t.rect);
    });
  }
}
