import fc from 'fast-check';
import { Money, toOre } from '../shared/decimal';
import { roundPartsToTotal, roundYearly, sumDecimals } from './rounding';

const FAST_CHECK = { seed: 4711, numRuns: 300 };
/** Signed amounts with up to 6 decimals, as exact cash flows before rounding can have. */
const amounts = fc.array(
  fc
    .integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 })
    .map((micro) => new Money(micro).div(1_000_000)),
  { minLength: 1, maxLength: 8 },
);

describe('roundPartsToTotal', () => {
  it('splits 100 kr. in thirds as 33.34, 33.33, 33.33', () => {
    // 33.333… each; the one øre left over goes to the first of the equal remainders
    const third = new Money(100).div(3);
    expect(roundPartsToTotal([third, third, third]).map((p) => p.toFixed(2))).toEqual([
      '33.34',
      '33.33',
      '33.33',
    ]);
  });

  it('rounds signed parts to a total that is their sum rounded half-even', () => {
    // −0.125 + 0.375 = 0.25; floors −0.13 and 0.37 sum to 0.24, and the øre left over goes to
    // the earlier of the two equal remainders (0.5 øre each)
    expect(
      roundPartsToTotal([new Money('-0.125'), new Money('0.375')]).map((p) => p.toFixed(2)),
    ).toEqual(['-0.12', '0.37']);
  });

  it('always sums exactly to the rounded total, every part within an øre of its exact value', () => {
    fc.assert(
      fc.property(amounts, (parts) => {
        const rounded = roundPartsToTotal(parts);
        expect(sumDecimals(rounded).eq(toOre(sumDecimals(parts)))).toBe(true);
        rounded.forEach((part, i) => expect(part.minus(parts[i]).abs().lt('0.01')).toBe(true));
      }),
      FAST_CHECK,
    );
  });
});

describe('roundYearly', () => {
  it('keeps every running total equal to the exact running total rounded once', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const rounded = roundYearly(values);
        for (let y = 1; y <= values.length; y++) {
          const exact = toOre(sumDecimals(values.slice(0, y)));
          expect(sumDecimals(rounded.slice(0, y)).eq(exact)).toBe(true);
        }
      }),
      FAST_CHECK,
    );
  });
});
