import type Decimal from 'decimal.js';
import { Money } from '../shared/decimal';
import { repaymentPerKroneFromProjection } from './repayment-profile';

function yearsOf(drawn: number[], received: number[], guaranteed: number[] = []) {
  return {
    byYear: drawn.map((amount, y) => ({
      capitalDrawn: new Money(amount),
      investorReceipts: new Money(received[y] ?? 0),
      guaranteeReceipts: new Money(guaranteed[y] ?? 0),
    })) as unknown as {
      capitalDrawn: Decimal;
      investorReceipts: Decimal;
      guaranteeReceipts: Decimal;
    }[],
  };
}

describe('repaymentPerKroneFromProjection', () => {
  it('divides the investors’ receipts after the first contract year by the capital drawn in total', () => {
    // Drawn 3,000,000 + 1,000,000 = 4,000,000. Receipts in contract years 2–5: 0; 1,000,000;
    // 2,000,000 + a 200,000 guarantee; 1,200,000 → per krone 0, 0.25, 0.55, 0.30.
    const profile = repaymentPerKroneFromProjection(
      yearsOf([3e6, 1e6, 0, 0, 0], [0, 0, 1e6, 2e6, 1.2e6], [0, 0, 0, 2e5, 0]) as never,
    );
    expect(profile).toEqual([0, 0.25, 0.55, 0.3]);
  });

  it('moves receipts of the first contract year to the first offset', () => {
    // 400,000 in year 1 and 600,000 in year 2 on 2,000,000 drawn: offset 1 gets 1,000,000 / 2,000,000 = 0.5.
    expect(repaymentPerKroneFromProjection(yearsOf([2e6, 0, 0], [4e5, 6e5, 1e6]) as never)).toEqual(
      [0.5, 0.5],
    );
  });

  it('gives an empty profile for a contract without capital', () => {
    expect(repaymentPerKroneFromProjection(yearsOf([0, 0], [0, 0]) as never)).toEqual([]);
  });
});
