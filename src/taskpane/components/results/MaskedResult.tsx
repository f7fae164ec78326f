/** "Export masked copy": what the copy holds, and what it left out (hidden columns are usually hidden for a reason). */
import { Text } from '@fluentui/react-components';
import { describeResult } from '../../../addin/describeResult';
import type { ActionResult } from '../../../addin/runAction';
import type { ResultContext } from '../goTo';

export function MaskedResult({ result, ctx }: { result: Extract<ActionResult, { action: 'exportMasked' }>; ctx: ResultContext }) {
  const m = result.summary;
  const { s, styles } = ctx;
  return (
    <>
      <Text>{describeResult(result, ctx.locale)}</Text>
      <Text size={200} className={styles.muted}>{s.maskedColumns(m.masked.phone.join(' '), m.masked.email.join(' '))}</Text>
      {m.maskedInText > 0 ? <Text size={200} className={styles.muted}>{s.maskedInText(m.maskedInText)}</Text> : null}
      {m.leftOut.hidden.length > 0 ? <Text size={200}>{s.maskedHiddenLeftOut(m.leftOut.hidden)}</Text> : null}
      {m.leftOut.addIn.length > 0 ? <Text size={200} className={styles.muted}>{s.maskedAddInLeftOut(m.leftOut.addIn.length)}</Text> : null}
    </>
  );
}
