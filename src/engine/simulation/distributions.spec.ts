import {
  BetaSampler,
  CategoricalSampler,
  GammaSampler,
  LognormalFactorSampler,
  MultinomialSplitter,
  RateSampler,
} from './distributions';
import { binomialProbability } from './binomial';
import {
  chiSquareGoodnessOfFit,
  countOccurrences,
  KOLMOGOROV_CRITICAL_VALUE_0_1_PERCENT,
  kolmogorovSmirnovDistance,
} from './goodness-of-fit';
import { blockStream, type Xor128Stream } from './rng';
import { regularizedGammaP, regularizedIncompleteBeta } from './special-functions';

const DRAWS = 20_000;
const SIGNIFICANCE = 0.001;
/** A correct sampler's √n·D stays below this 999 times in 1000. */
const KS_LIMIT = KOLMOGOROV_CRITICAL_VALUE_0_1_PERCENT / Math.sqrt(DRAWS);

function sample(draw: (stream: Xor128Stream) => number, seed: number, count = DRAWS): Float64Array {
  const stream = blockStream(seed, 0);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = draw(stream);
  return values;
}

describe('the Gamma sampler (Marsaglia–Tsang)', () => {
  it.each([0.3, 1, 4.5, 60])(
    'fits the Gamma(%d, 1) distribution function (Kolmogorov–Smirnov, seed 21)',
    (shape) => {
      const sampler = new GammaSampler(shape);
      const distance = kolmogorovSmirnovDistance(
        sample((stream) => sampler.sample(stream), 21),
        (x) => regularizedGammaP(shape, x),
      );
      expect(distance).toBeLessThan(KS_LIMIT);
    },
  );

  it('returns a finite logarithm for a tiny shape where the draw itself underflows', () => {
    const sampler = new GammaSampler(0.001);
    const logs = sample((stream) => sampler.sampleLog(stream), 22, 1000);
    expect(logs.every((value) => Number.isFinite(value))).toBe(true);
  });
});

describe('the Beta sampler', () => {
  it.each([
    [0.5, 0.7],
    [2, 5],
    [25.6, 38.4],
    [0.05, 3],
  ])('fits the Beta(%d, %d) distribution function (Kolmogorov–Smirnov, seed 23)', (alpha, beta) => {
    const sampler = new BetaSampler(alpha, beta);
    const values = sample((stream) => sampler.sample(stream), 23);
    expect(values.every((value) => value >= 0 && value <= 1)).toBe(true);
    const distance = kolmogorovSmirnovDistance(values, (x) =>
      regularizedIncompleteBeta(x, alpha, beta),
    );
    expect(distance).toBeLessThan(KS_LIMIT);
  });

  it('a fixed rate draws no randomness, so adding a fixed rate does not shift the other draws', () => {
    const fixed = new RateSampler({ kind: 'fixed', value: 0.1 });
    const stream = blockStream(9, 0);
    const reference = blockStream(9, 0);
    expect(fixed.sample(stream)).toBe(0.1);
    expect(stream.nextInt32()).toBe(reference.nextInt32());
  });
});

describe('the SØM gain factor', () => {
  it('has mean 1 and the requested coefficient of variation 0.2 (200,000 draws, seed 24)', () => {
    const sampler = new LognormalFactorSampler(0.2);
    const values = sample((stream) => sampler.sample(stream), 24, 200_000);
    const n = values.length;
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1);
    // SE of the mean = 0.2/√200,000 ≈ 0.00045; allow 4 SE.
    expect(Math.abs(mean - 1)).toBeLessThan((4 * 0.2) / Math.sqrt(n));
    expect(Math.sqrt(variance)).toBeCloseTo(0.2, 2);
    expect(values.every((value) => value > 0)).toBe(true);
  });

  it('is exactly 1 without uncertainty', () => {
    expect(new LognormalFactorSampler(0).sample(blockStream(1, 0))).toBe(1);
  });
});

describe('categorical draws and multinomial splits', () => {
  const lag = [0.3, 0.5, 0.2];

  it('draw each category with its probability (chi-square, seed 25)', () => {
    const sampler = new CategoricalSampler(lag, 'successLag');
    const counts = countOccurrences(
      sample((stream) => sampler.sample(stream), 25),
      2,
    );
    expect(chiSquareGoodnessOfFit(counts, lag).pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('split a count so the parts sum to it and the first part is Binomial(n, p₀) (chi-square, seed 26)', () => {
    const splitter = new MultinomialSplitter(lag, 'successLag');
    const n = 40;
    const parts = new Float64Array(3);
    const firstParts = sample((stream) => {
      parts.fill(0);
      splitter.addSplit(stream, n, parts, 0, 3);
      expect(parts[0] + parts[1] + parts[2]).toBe(n);
      return parts[0];
    }, 26);
    const expected = Array.from({ length: n + 1 }, (_, k) => binomialProbability(n, 0.3, k));
    expect(
      chiSquareGoodnessOfFit(countOccurrences(firstParts, n), expected).pValue,
    ).toBeGreaterThan(SIGNIFICANCE);
  });

  it('drop the parts that fall beyond the limit (events after the horizon)', () => {
    const splitter = new MultinomialSplitter([0, 0, 1], 'successLag');
    const parts = new Float64Array(4);
    // Offset 2 puts category 2 at index 4, beyond the limit of 4: nothing is added.
    splitter.addSplit(blockStream(1, 0), 10, parts, 2, 4);
    expect(Array.from(parts)).toEqual([0, 0, 0, 0]);
  });

  it('refuse probabilities that do not sum to 1, quoting them', () => {
    expect(() => new CategoricalSampler([0.3, 0.3], 'successLag')).toThrow(
      /successLag must sum to 1, got 0.6 from \[0.3, 0.3\]/,
    );
  });
});
