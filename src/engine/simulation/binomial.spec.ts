import fc from 'fast-check';
import {
  binomialProbability,
  FixedRateBinomial,
  integerPower,
  sampleBinomial,
  sampleBinomialByBernoulliTrials,
} from './binomial';
import { chiSquareGoodnessOfFit, chiSquareHomogeneity, countOccurrences } from './goodness-of-fit';
import { blockStream, type Xor128Stream } from './rng';

const DRAWS = 20_000;
const SIGNIFICANCE = 0.001;

function drawCounts(n: number, draw: (stream: Xor128Stream) => number, seed: number): number[] {
  const stream = blockStream(seed, 0);
  const values = new Float64Array(DRAWS);
  for (let i = 0; i < DRAWS; i++) values[i] = draw(stream);
  return countOccurrences(values, n);
}

function binomialProbabilities(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => binomialProbability(n, p, k));
}

/** (n, p) cases: inversion (n·p < 10), BTRS (n·p ≥ 10), p > 0.5 by symmetry, a 180-person cohort. */
const CASES: [string, number, number][] = [
  ['beyond the lookup table size (512), n·p = 6', 600, 0.01],
  ['inversion, n·p = 2', 20, 0.1],
  ['inversion with large n, n·p = 5', 1000, 0.005],
  ['BTRS, n·p = 30', 100, 0.3],
  ['BTRS with large n, n·p = 1200', 3000, 0.4],
  ['p > 0.5 mirrored onto inversion', 50, 0.9],
  ['p > 0.5 mirrored onto BTRS', 200, 0.7],
  ['IPS cohort: 180 people at 16%', 180, 0.16],
];

describe('the binomial sampler', () => {
  it.each(CASES)(
    'fits the analytic distribution: %s (n=%d, p=%d), chi-square at seed 11',
    (_, n, p) => {
      const result = chiSquareGoodnessOfFit(
        drawCounts(n, (stream) => sampleBinomial(stream, n, p), 11),
        binomialProbabilities(n, p),
      );
      expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
    },
  );

  it.each(CASES)(
    'with a fixed rate (lookup table) fits the analytic distribution: %s',
    (_, n, p) => {
      const sampler = new FixedRateBinomial(p);
      const result = chiSquareGoodnessOfFit(
        drawCounts(n, (stream) => sampler.sample(stream, n), 12),
        binomialProbabilities(n, p),
      );
      expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
    },
  );

  it('has the same distribution as one Bernoulli trial per participant (two-sample chi-square, seed 13)', () => {
    const n = 180;
    const p = 0.4;
    const result = chiSquareHomogeneity(
      drawCounts(n, (stream) => sampleBinomial(stream, n, p), 13),
      drawCounts(n, (stream) => sampleBinomialByBernoulliTrials(stream, n, p), 14),
    );
    expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('returns 0 for no trials or p = 0, and n for p = 1', () => {
    const stream = blockStream(1, 0);
    expect(sampleBinomial(stream, 0, 0.5)).toBe(0);
    expect(sampleBinomial(stream, 40, 0)).toBe(0);
    expect(sampleBinomial(stream, 40, 1)).toBe(40);
    expect(new FixedRateBinomial(1).sample(stream, 40)).toBe(40);
    expect(new FixedRateBinomial(0.3).sample(stream, 0)).toBe(0);
  });

  it('always returns an integer between 0 and n (property, seed 3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (n, p, seed) => {
          const stream = blockStream(seed, 0);
          for (let i = 0; i < 20; i++) {
            const k = sampleBinomial(stream, n, p);
            expect(Number.isInteger(k) && k >= 0 && k <= n).toBe(true);
          }
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('integer powers by squaring agree with Math.pow to 1e-14 relative (property, seed 5)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 4096 }),
        (x, n) => {
          const expected = Math.pow(x, n);
          expect(Math.abs(integerPower(x, n) - expected)).toBeLessThanOrEqual(1e-14 * expected);
        },
      ),
      { seed: 5 },
    );
  });
});
