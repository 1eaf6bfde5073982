import fc from 'fast-check';
import { Money } from '../engine/shared/decimal';
import { discountFactor, flatDiscountSchedule } from '../engine/shared/discount';
import { discountedYears, inputsTable, sumMoney } from './model-common';

describe('discounted yearly tables', () => {
  it('discount each year to the start year at the given rate', () => {
    // 1000 at 10%: year 1 → 1000, year 2 → 1000 / 1.1 = 909.0909…, year 3 → 1000 / 1.21 = 826.4462…
    // NPV = 2735.5371… → 2735.54; rounded parts 1000.00 + 909.09 + 826.45 = 2735.54.
    expect(discountedYears(['1000.00', '1000.00', '1000.00'], 0.1, '2735.54')).toEqual([
      '1000.00',
      '909.09',
      '826.45',
    ]);
  });

  it('sum exactly to the net present value of the result, to the øre', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 0, max: 150 }),
        (ore, ratePermille) => {
          const rate = ratePermille / 1000;
          const values = ore.map((o) => new Money(o).div(100).toFixed(2));
          // The NPV as the engines compute it: Σ value × factor, rounded once to the øre.
          const schedule = flatDiscountSchedule(rate);
          const npv = Money.sum(
            new Money(0),
            ...values.map((v, y) => new Money(v).times(discountFactor(y, schedule))),
          ).toFixed(2);
          expect(sumMoney(discountedYears(values, rate, npv))).toBe(npv);
        },
      ),
      { seed: 20240801, numRuns: 200 },
    );
  });
});

describe('the inputs table', () => {
  it('lists every input by JSON pointer and leaves out computed gain profiles and source maps', () => {
    const table = inputsTable(
      {
        fund: { startYear: 2024, products: [{ id: 'p', gainProfile: { offsets: [] } }] },
        sources: { a: 1 },
      },
      'en',
    );
    expect(table.rows).toEqual([
      ['/fund/startYear', '2024'],
      ['/fund/products/0/id', 'p'],
    ]);
  });
});
