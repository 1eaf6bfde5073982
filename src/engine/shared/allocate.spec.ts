import fc from 'fast-check';
import { allocate } from './allocate';
import { Money } from './decimal';

const strings = (parts: { toFixed(dp: number): string }[], dp = 2) =>
  parts.map((p) => p.toFixed(dp));

describe('allocate (largest remainder)', () => {
  it('splits 100 kr. in three equal parts with the odd øre going to the first part', () => {
    // 10000 øre / 3 = 3333.33 each: floors 3333 × 3 = 9999, one øre left → the first (ties go first).
    expect(strings(allocate('100', [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the leftover øre to the largest remainder, not to the first part', () => {
    // 1000 øre × [1, 2] / 3 = 333.33 and 666.67: floors 333 + 666 = 999; remainders .33 and .67.
    expect(strings(allocate('10', [1, 2]))).toEqual(['3.33', '6.67']);
  });

  it('splits a negative total so that every part keeps its sign', () => {
    expect(strings(allocate('-100', [1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('gives nothing to a part with weight 0', () => {
    // 1001 øre over [0, 1, 1]: 500.5 each; one øre left goes to the first positive weight.
    expect(strings(allocate('10.01', [0, 1, 1]))).toEqual(['0.00', '5.01', '5.00']);
  });

  it('splits in whole kroner when asked for 0 decimals', () => {
    // 10 × [1, 2] / 3 = 3.33 and 6.67 → 3 and 7.
    expect(strings(allocate(10, [1, 2], 0), 0)).toEqual(['3', '7']);
  });

  it('returns zeros for a zero total over zero weights', () => {
    expect(strings(allocate(0, [0, 0]))).toEqual(['0.00', '0.00']);
  });

  it('refuses a non-zero total over weights that are all zero', () => {
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
  });

  it('refuses a total with more decimals than the parts may have', () => {
    expect(() => allocate('10.005', [1, 1])).toThrow(/more than 2 decimals/);
  });

  it('refuses a negative weight', () => {
    expect(() => allocate(10, [1, -1])).toThrow(/weight 1/);
  });

  it('always returns parts that sum exactly to the total, each within one øre of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc
          .array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (totalOre, weights) => {
          const total = new Money(totalOre.toString()).div(100);
          const parts = allocate(total, weights);
          const sum = parts.reduce((acc, part) => acc.plus(part), new Money(0));
          expect(sum.eq(total)).toBe(true);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((part, i) => {
            const exact = total.times(weights[i]).div(weightSum);
            expect(part.minus(exact).abs().lt('0.01')).toBe(true);
            if (weights[i] === 0) expect(part.isZero()).toBe(true);
          });
        },
      ),
      { seed: 20240611, numRuns: 500 },
    );
  });
});
