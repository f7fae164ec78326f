/** When to move to a CRM: each signal at its line and not below it; none for a small, tidy, one-person ledger. */
import { MANY_CUSTOMERS, MANY_DUPLICATES_PERCENT, MANY_OWNERS, crmSignals } from '../../src/core/crmSignals';

it('says nothing for a small ledger one person keeps clean', () => {
  expect(crmSignals({ customers: 342, owners: 1, repeatedRows: 3 })).toEqual([]);
  expect(crmSignals({ customers: 0, owners: null, repeatedRows: 0 })).toEqual([]);
  // Four rows, one entered twice: merged in a minute, no reason to move.
  expect(crmSignals({ customers: 4, owners: null, repeatedRows: 1 })).toEqual([]);
});

it('names each line the ledger crossed, with its own figure', () => {
  expect(crmSignals({ customers: MANY_CUSTOMERS, owners: MANY_OWNERS, repeatedRows: MANY_CUSTOMERS * MANY_DUPLICATES_PERCENT / 100 })).toEqual([
    { code: 'customers', customers: MANY_CUSTOMERS },
    { code: 'owners', owners: MANY_OWNERS },
    { code: 'duplicates', percent: MANY_DUPLICATES_PERCENT },
  ]);
  expect(crmSignals({ customers: MANY_CUSTOMERS - 1, owners: MANY_OWNERS - 1, repeatedRows: 0 })).toEqual([]);
  expect(crmSignals({ customers: 1000, owners: null, repeatedRows: 49 })).toEqual([]);
  expect(crmSignals({ customers: 1000, owners: null, repeatedRows: 50 })).toEqual([{ code: 'duplicates', percent: 5 }]);
});
