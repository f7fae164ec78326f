/** conditionalFormat: a formula rule with its own differential format, replacing the same rule on the same cells. */
import type { WriteOp } from '../../port';
import { boxAddress, parseBoxes } from '../box';
import type { XlsxSession } from '../session';

export function conditionalFormat(s: XlsxSession, op: Extract<WriteOp, { op: 'conditionalFormat' }>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  const boxes = parseBoxes(op.address);
  const formula = op.formula.trim().replace(/^=/, '').trim();
  const priority = p.frame.removeConditionalFormats(boxes, formula);
  p.frame.addConditionalFormat(boxes.map(boxAddress).join(' '), formula, s.pkg.styles().addDxf(op.fill, op.fontColor), priority);
}
