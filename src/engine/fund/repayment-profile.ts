import type { ContractProjection } from '../contract/projection';
import { ZERO } from '../shared/decimal';

/**
 * A product's `repaymentPerKrone` from the contract engine's projection of one partnership:
 * what the investors receive (repayments plus guarantee receipts) in each contract year after
 * the first, per krone of capital drawn in total. Offset k is contract year k + 1.
 *
 * The fund pays a ticket at once in the start year, while a contract may draw its capital over
 * several years; receipts in contract year 1 itself (rare: nothing is usually repaid before the
 * first measurement) are moved to offset 1, because the fund model repays nothing in the
 * investment year. Returns [] when the contract draws no capital.
 */
export function repaymentPerKroneFromProjection(
  projection: Pick<ContractProjection, 'byYear'>,
): number[] {
  const drawn = projection.byYear.reduce((sum, year) => sum.plus(year.capitalDrawn), ZERO);
  if (drawn.isZero()) return [];
  const receipts = projection.byYear.map((year) =>
    year.investorReceipts.plus(year.guaranteeReceipts),
  );
  const afterFirstYear = receipts.slice(1);
  if (afterFirstYear.length === 0) return [receipts[0].div(drawn).toNumber()];
  afterFirstYear[0] = afterFirstYear[0].plus(receipts[0]);
  return afterFirstYear.map((amount) => amount.div(drawn).toNumber());
}
