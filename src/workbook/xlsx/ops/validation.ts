/** validation: a <dataValidation> replacing whatever rules covered the same cells. */
import type { WriteOp } from '../../port';
import { boxAddress, parseBoxes, subtractBox, type Box } from '../box';
import { validationXml } from '../sheet/validationXml';
import type { XlsxSession } from '../session';

export function validation(s: XlsxSession, op: Extract<WriteOp, { op: 'validation' }>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  const boxes = parseBoxes(op.address);
  if (op.keepOther && !onlyOursOrNone(p.frame.validationsOver(boxes), boxes, op.keepOther.ownTitles)) return;
  p.frame.replaceValidation(boxes, validationXml(p.frame.prefix, boxes.map(boxAddress).join(' '), op.rule, op));
}

/**
 * As Excel answers `dataValidation.type` for the range: no rule at all, or one rule of ours covering
 * every cell. Two rules, a rule over part of the range, or any rule with another title is the user's.
 */
function onlyOursOrNone(rules: readonly { boxes: Box[]; errorTitle: string | null }[], boxes: readonly Box[], ownTitles: readonly string[]): boolean {
  if (rules.length === 0) return true;
  const only = rules[0]!;
  if (rules.length > 1 || only.errorTitle === null || !ownTitles.includes(only.errorTitle)) return false;
  let left = [...boxes];
  for (const r of only.boxes) left = left.flatMap((b) => subtractBox(b, r));
  return left.length === 0;
}
