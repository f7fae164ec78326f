/**
 * The duplicate finder on every labelled ledger in the repository (issue 16): the samples and the Febrl
 * record-linkage sets (febrl4's two halves as one list). Floors a little under what it reaches, so a
 * change that loses accuracy fails here; `npm run accuracy` prints the figures.
 */
import { measureDataset, measureSample, type Measured } from '../scripts/accuracy/measure';

jest.setTimeout(120_000);

describe.each([
  // name, groups F1, groups precision, groups + review F1
  ['customers-zh', 0.99, 0.99, 0.98],
  ['customers-en', 0.99, 0.99, 0.98],
] as const)('sample %s', (name, f1, precision, withReview) => {
  let m: Measured;
  beforeAll(async () => { m = await measureSample(name); });
  it('finds the true duplicate groups', () => {
    expect(m.groups.f1).toBeGreaterThanOrEqual(f1);
    expect(m.groups.precision).toBeGreaterThanOrEqual(precision);
    expect(m.withReview.f1).toBeGreaterThanOrEqual(withReview);
  });
  it('keeps phones, emails and tiers as the truth has them', () => {
    expect(m.phone).toBe(1);
    expect(m.email).toBe(1);
    expect(m.tiers).toBe(1);
  });
});

describe.each([
  ['febrl3', 0.96, 0.985, 0.955],
  ['febrl4', 0.97, 0.99, 0.965],
] as const)('dataset %s', (name, f1, precision, withReview) => {
  let m: Measured;
  beforeAll(async () => { m = await measureDataset(name); });
  it('finds the same people without a phone or an email', () => {
    expect(m.groups.f1).toBeGreaterThanOrEqual(f1);
    expect(m.groups.precision).toBeGreaterThanOrEqual(precision);
    expect(m.withReview.f1).toBeGreaterThanOrEqual(withReview);
  });
});
