import fc from 'fast-check';
import { nextProductIndex, reinvestmentStopped } from './pipeline';

describe('nextProductIndex', () => {
  it('keeps every product within one partnership of its share of the mix, however many start', () => {
    // Sainte-Laguë-style apportionment: after n picks product i has share_i · n ± 1 partnerships.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        (weights, picks) => {
          const total = weights.reduce((sum, weight) => sum + weight, 0);
          const shares = weights.map((weight) => weight / total);
          const started = weights.map(() => 0);
          for (let n = 1; n <= picks; n++) {
            started[nextProductIndex(started, shares)]++;
            if (!started.every((count, i) => Math.abs(count - shares[i] * n) < 1 + 1e-9))
              return false;
          }
          return true;
        },
      ),
      { seed: 20240613, numRuns: 300 },
    );
  });

  it('gives a tie to the earlier product', () => {
    // Equal shares, nothing started: deficits 0.5 and 0.5 → product 0; after it, product 1.
    expect(nextProductIndex([0, 0], [0.5, 0.5])).toBe(0);
    expect(nextProductIndex([1, 0], [0.5, 0.5])).toBe(1);
  });
});

describe('reinvestmentStopped', () => {
  it('stops reinvesting in exactly the last N years of the horizon', () => {
    // Horizon 6 (years 0–5), stop in the last 2: years 4 and 5.
    expect([0, 1, 2, 3, 4, 5].map((year) => reinvestmentStopped(year, 6, 2))).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});
