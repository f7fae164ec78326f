/** Results that explain themselves, one component per action; an action without its own shows its one line. */
import { Text } from '@fluentui/react-components';
import { describeResult } from '../../../addin/describeResult';
import type { ActionResult } from '../../../addin/runAction';
import type { ResultContext } from '../goTo';
import { ContactsResult } from './ContactsResult';
import { DuplicatesResult } from './DuplicatesResult';
import { MaskedResult } from './MaskedResult';
import { RemoveAddedResult } from './RemoveAddedResult';
import { SheetResult } from './SheetResult';
import { TiersResult } from './TiersResult';

export type { ResultContext };

export function renderResult(result: ActionResult | null, ctx: ResultContext) {
  if (!result) return null;
  switch (result.action) {
    case 'installTemplate':
      return <SheetResult result={result} sheet={result.summary.sheet} ctx={ctx} />;
    case 'checkContacts':
      return <ContactsResult summary={result.summary} ctx={ctx} />;
    case 'computeTiers':
      return <TiersResult summary={result.summary} ctx={ctx} />;
    case 'buildSummary':
      return <SheetResult result={result} sheet={result.summary.summarySheet} ctx={ctx} />;
    case 'exportMasked':
      return <MaskedResult result={result} ctx={ctx} />;
    case 'findDuplicates':
      return <DuplicatesResult result={result} ctx={ctx} />;
    case 'removeAdded':
      return <RemoveAddedResult result={result} ctx={ctx} />;
    case 'callListSheet':
      return <SheetResult result={result} sheet={result.summary.sheet} ctx={ctx} />;
    default:
      return <Text>{describeResult(result, ctx.locale)}</Text>;
  }
}
