/** validation: a <dataValidation> replacing whatever rules covered the same cells. */
import type { WriteOp } from '../../port';
import { boxAddress, parseBoxes } from '../box';
import { validationXml } from '../sheet/validationXml';
import type { XlsxSession } from '../session';

export function validation(s: XlsxSession, op: Extract<WriteOp, { op: 'validation' }>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  const boxes = parseBoxes(op.address);
  p.frame.replaceValidation(boxes, validationXml(p.frame.prefix, boxes.map(boxAddress).join(' '), op.rule, op));
}
