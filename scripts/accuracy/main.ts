/** `npm run accuracy`: the duplicate finder's precision, recall and F1 on every labelled ledger (see measure.ts). */
import { measureAll, type Score } from './measure';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (s: Score) => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  (${s.found} pairs found, ${s.truth} true)`;

measureAll().then((all) => {
  for (const m of all) {
    console.log(`${m.name} · ${m.rows.toLocaleString('en-US')} rows · ${m.seconds.toFixed(2)} s`);
    console.log(`  groups           ${line(m.groups)}`);
    console.log(`  groups + review  ${line(m.withReview)}`);
    if (m.phone !== undefined) console.log(`  phones ${pct(m.phone)} · emails ${pct(m.email ?? 0)} · tiers ${pct(m.tiers ?? 0)} agree with the truth`);
    if (m.mappedByHarness.length) console.log(`  columns the mapper missed, given by the harness: ${m.mappedByHarness.join(', ')}`);
  }
}, (e: unknown) => {
  console.error(e);
  process.exit(1);
});
