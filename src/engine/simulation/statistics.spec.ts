import fc from 'fast-check';
import { selectInPlace } from './select';
import {
  fanChart,
  histogram,
  mean,
  probabilityAtLeast,
  probabilityBelow,
  quantile,
  quantiles,
  standardDeviation,
  summarize,
  summarizeWithHistogram,
} from './statistics';

/** Type 7 by sorting: the slow, obvious reference. */
function sortedType7(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}

describe('quantiles (type 7, as in R and numpy)', () => {
  it('interpolate between order statistics of a known sample', () => {
    // Sorted: 15, 20, 35, 40, 50 (n = 5, so h = 4p).
    // p5:  h = 0.2 → 15 + 0.2·(20 − 15) = 16
    // p25: h = 1   → 20
    // p50: h = 2   → 35
    // p75: h = 3   → 40
    // p95: h = 3.8 → 40 + 0.8·(50 − 40) = 48
    const sample = Float64Array.from([40, 15, 50, 35, 20]);
    expect(quantiles(sample, [0.05, 0.25, 0.5, 0.75, 0.95])).toEqual([16, 20, 35, 40, 48]);
    expect(Array.from(sample)).toEqual([40, 15, 50, 35, 20]);
  });

  it('give the extremes at p = 0 and p = 1 and the value itself for one trial', () => {
    expect(quantiles([3, 1, 2], [0, 1])).toEqual([1, 3]);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('equal the sort-based definition on any sample, small or beyond the sampling threshold of 600 (property, seed 71)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, probabilities) => {
          const computed = quantiles(Float64Array.from(values), probabilities);
          probabilities.forEach((p, i) =>
            expect(computed[i]).toBeCloseTo(sortedType7(values, p), 9),
          );
        },
      ),
      { seed: 71, numRuns: 200 },
    );
  });

  it('equal the sort-based definition on large outputs with heavy ties (property, seed 75)', () => {
    // Bucket selection narrows outputs of more than 2,048 values; these have a few hundred
    // distinct values, so the buckets holding the ranks are full of ties.
    fc.assert(
      fc.property(
        fc.integer({ min: 262_144, max: 300_000 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        (n, seed) => {
          let state = seed;
          const values = Float64Array.from({ length: n }, () => {
            state = (Math.imul(state, 48271) >>> 0) % 2147483647;
            return Math.round(state / 2 ** 20) * 12500 - 5e6;
          });
          values[7] = NaN;
          const sorted = Array.from(values).filter((v) => !Number.isNaN(v));
          const computed = quantiles(values, [0.05, 0.5, 0.95]);
          [0.05, 0.5, 0.95].forEach((p, i) => expect(computed[i]).toBe(sortedType7(sorted, p)));
        },
      ),
      { seed: 75, numRuns: 3 },
    );
  });

  it('leave undefined (NaN) trials out', () => {
    // Without NaN: 1, 2, 3 → median 2.
    expect(quantile([NaN, 3, 1, NaN, 2], 0.5)).toBe(2);
  });
});

describe('selection', () => {
  it('puts the k-th smallest value at k with smaller values left and larger right (property, seed 72)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 2000 }),
        fc.nat(),
        (values, seed) => {
          const k = seed % values.length;
          const array = Float64Array.from(values);
          selectInPlace(array, k);
          const expected = Float64Array.from(values).sort()[k];
          expect(array[k]).toBe(expected);
          for (let i = 0; i < k; i++) expect(array[i] <= array[k]).toBe(true);
          for (let i = k + 1; i < array.length; i++) expect(array[i] >= array[k]).toBe(true);
        },
      ),
      { seed: 72, numRuns: 200 },
    );
  });
});

describe('summaries of an output', () => {
  it('report mean, sample standard deviation and standard error of a known sample', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32;
    // sample SD = √(32/7) = 2.13809; SE = 2.13809/√8 = 0.75593.
    const summary = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(summary.count).toBe(8);
    expect(summary.mean).toBe(5);
    expect(summary.standardDeviation).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(summary.standardError).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
    // h = 7p: p25 → h = 1.75 → 4; p50 → h = 3.5 → 4 + 0.5·(5 − 4) = 4.5; p95 → h = 6.65 → 7 + 0.65·2 = 8.3
    expect(summary.p25).toBe(4);
    expect(summary.p50).toBe(4.5);
    expect(summary.p95).toBeCloseTo(8.3, 12);
    expect([summary.min, summary.max]).toEqual([2, 9]);
  });

  it('count undefined trials as missing and leave them out of every figure', () => {
    const summary = summarize([1, NaN, 3]);
    expect(summary.count).toBe(2);
    expect(summary.missing).toBe(1);
    expect(summary.mean).toBe(2);
    expect(mean([NaN, 4])).toBe(4);
    expect(standardDeviation([NaN, 1, 3])).toBeCloseTo(Math.SQRT2, 14);
  });

  it('keep the mean of a million equal values exact (compensated summation)', () => {
    expect(mean(new Float64Array(1_000_000).fill(0.1))).toBe(0.1);
  });
});

describe('histograms', () => {
  it('split the range into equal bins, the last one closed', () => {
    // 0 … 9 in 5 bins of width 1.8: [0,1.8) holds 0,1; [1.8,3.6) 2,3; [3.6,5.4) 4,5; [5.4,7.2) 6,7; [7.2,9] 8,9.
    const result = histogram(
      Array.from({ length: 10 }, (_, i) => i),
      5,
    );
    expect(result.counts).toEqual([2, 2, 2, 2, 2]);
    expect(result.edges.map((edge) => Number(edge.toFixed(10)))).toEqual([
      0, 1.8, 3.6, 5.4, 7.2, 9,
    ]);
  });

  it('give one bin when every trial has the same value, and none without values', () => {
    expect(histogram([4, 4, 4], 30)).toEqual({ edges: [4, 4], counts: [3] });
    expect(histogram([NaN], 30)).toEqual({ edges: [], counts: [] });
  });

  it('default to 30 bins that hold every finite trial', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i));
    const result = histogram(values);
    expect(result.counts).toHaveLength(30);
    expect(result.counts.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});

describe('fan charts and probabilities', () => {
  it('band each year of a [trials × years] matrix', () => {
    // Three trials, two years, stored trial by trial: year 0 = 1, 2, 3; year 1 = 10, 30, 20.
    const bands = fanChart(Float64Array.from([1, 10, 2, 30, 3, 20]), 2);
    expect(bands[0]).toMatchObject({ mean: 2, p50: 2, p5: 1.1, p95: 2.9 });
    // Year 1 sorted 10, 20, 30: p25 → h = 0.5 → 15; p75 → h = 1.5 → 25.
    expect(bands[1]).toMatchObject({ mean: 20, p25: 15, p50: 20, p75: 25 });
  });

  it('refuse a matrix whose length is not a multiple of the years', () => {
    expect(() => fanChart([1, 2, 3], 2)).toThrow(/does not have 2 columns/);
  });

  it('give the share of trials strictly below a threshold, e.g. an investor multiple under 1', () => {
    // Multiples 0.8, 1.0, 1.2, 0.5 → 2 of 4 below 1 (1.0 itself is not a loss).
    expect(probabilityBelow([0.8, 1.0, 1.2, 0.5], 1)).toBe(0.5);
    expect(probabilityBelow([NaN, 0.5], 1)).toBe(1);
  });

  it('give the share at or above a threshold, e.g. IRRs reaching a target, of the trials with a value', () => {
    // IRRs 0.03, 0.05, NaN (no root), 0.07 → 2 of the 3 with a value reach 5%.
    expect(probabilityAtLeast([0.03, 0.05, NaN, 0.07], 0.05)).toBe(2 / 3);
    expect(probabilityAtLeast([NaN], 0.05)).toBeNaN();
  });
});

describe('a summary and its histogram in shared passes', () => {
  /** Values as Monte Carlo outputs have them: ties, undefined trials, infinities, constants. */
  const outputs = fc.oneof(
    fc.array(
      fc.oneof(
        fc.integer({ min: -20, max: 20 }).map((k) => k * 12500),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.constantFrom(NaN, Infinity, -Infinity, -0),
      ),
      { maxLength: 2500 },
    ),
    fc.tuple(fc.double({ noNaN: true }), fc.nat({ max: 50 })).map(([v, n]) => Array(n).fill(v)),
  );

  it('equal `summarize` and `histogram` called one after the other (property, seed 73)', () => {
    fc.assert(
      fc.property(outputs, fc.integer({ min: 1, max: 40 }), (values, bins) => {
        const data = Float64Array.from(values);
        expect(summarizeWithHistogram(data, bins)).toEqual({
          summary: summarize(data),
          histogram: histogram(data, bins),
        });
      }),
      { seed: 73, numRuns: 300 },
    );
  });

  it('keep summarize equal to mean and standardDeviation computed on their own (property, seed 74)', () => {
    fc.assert(
      fc.property(outputs, (values) => {
        const summary = summarize(values);
        expect([summary.mean, summary.standardDeviation]).toEqual([
          mean(values),
          standardDeviation(values),
        ]);
      }),
      { seed: 74, numRuns: 300 },
    );
  });

  it('refuse a bin count that is not a positive whole number', () => {
    expect(() => summarizeWithHistogram(Float64Array.from([1, 2]), 0)).toThrow(/binCount/);
  });
});
