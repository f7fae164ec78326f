/** "Create template" and "Build summary": what happened, and a link to the sheet it made. */
import { Text } from '@fluentui/react-components';
import { describeResult } from '../../../addin/describeResult';
import type { ActionResult } from '../../../addin/runAction';
import { renderGoTo, type ResultContext } from '../goTo';

export function SheetResult({ result, sheet, ctx }: { result: ActionResult; sheet: string; ctx: ResultContext }) {
  return <Text className={ctx.styles.wrap}>{describeResult(result, ctx.locale)} {renderGoTo(ctx, sheet, 'A1', sheet, ctx.s.goToCell(`${sheet}!A1`))}</Text>;
}
