import fc from 'fast-check';
import {
  betaFromEffectiveSampleSize,
  betaFromMeanAndInterval90,
  rateDistribution,
} from './beta-fit';
import { betaQuantile } from './special-functions';

/** q05 of Beta(2, 2): the root of 3x² − 2x³ = 0.05 (special-functions.spec.ts). */
const BETA_2_2_Q05 = 0.1353503621715838;

describe('fitting a Beta distribution to a rate', () => {
  it('an effective sample size of 50 at mean 0.4 gives Beta(20, 30)', () => {
    // α = 0.4·50 = 20, β = 0.6·50 = 30.
    const fitted = betaFromEffectiveSampleSize(0.4, 50);
    expect(fitted.alpha).toBeCloseTo(20, 12);
    expect(fitted.beta).toBeCloseTo(30, 12);
  });

  it('recovers Beta(2, 2) from mean 0.5 and its own 90% interval', () => {
    const fitted = betaFromMeanAndInterval90(0.5, BETA_2_2_Q05, 1 - BETA_2_2_Q05);
    expect(fitted.alpha).toBeCloseTo(2, 6);
    expect(fitted.beta).toBeCloseTo(2, 6);
  });

  it('keeps the mean exact and matches the interval width for an asymmetric rate', () => {
    // Success rate 40% with 90% interval 30%–50% (width 0.2).
    const fitted = rateDistribution({ mean: 0.4, interval90: [0.3, 0.5] }, 'grossSuccessRate');
    if (fitted.kind !== 'beta') throw new Error('expected a Beta distribution');
    expect(fitted.alpha / (fitted.alpha + fitted.beta)).toBeCloseTo(0.4, 14);
    const [low, high] = fitted.fittedInterval90;
    expect(high - low).toBeCloseTo(0.2, 9);
    // The Beta is slightly right-skewed at mean 0.4, so both ends sit about 0.002 above the request.
    expect(Math.abs(low - 0.3)).toBeLessThan(0.005);
    expect(Math.abs(high - 0.5)).toBeLessThan(0.005);
  });

  it('matches the requested width for any mean and feasible interval (property, seed 7)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        (mean, halfWidth) => {
          const lower = Math.max(0, mean - halfWidth);
          const upper = Math.min(1, mean + halfWidth);
          const { alpha, beta } = betaFromMeanAndInterval90(mean, lower, upper);
          const width = betaQuantile(0.95, alpha, beta) - betaQuantile(0.05, alpha, beta);
          expect(alpha / (alpha + beta)).toBeCloseTo(mean, 12);
          expect(width).toBeCloseTo(upper - lower, 8);
        },
      ),
      { seed: 7, numRuns: 25 },
    );
  });

  it('treats a rate without uncertainty as fixed at its mean', () => {
    expect(rateDistribution({ mean: 0.1 }, 'dropoutRate')).toEqual({ kind: 'fixed', value: 0.1 });
  });

  it('names the field in errors: interval not around the mean, both forms, rate outside [0, 1]', () => {
    expect(() =>
      rateDistribution({ mean: 0.4, interval90: [0.45, 0.5] }, 'grossSuccessRate'),
    ).toThrow(
      /grossSuccessRate: interval90 must satisfy 0 ≤ lower < mean < upper ≤ 1, got lower=0.45/,
    );
    expect(() =>
      rateDistribution(
        { mean: 0.4, interval90: [0.3, 0.5], effectiveSampleSize: 10 },
        'deadweightRate',
      ),
    ).toThrow(/deadweightRate: give interval90 or effectiveSampleSize, not both/);
    expect(() => rateDistribution({ mean: 1.2 }, 'dropoutRate')).toThrow(
      /dropoutRate.mean must lie in \[0, 1\], got 1.2/,
    );
  });

  it('refuses an interval too narrow to fit, pointing to a fixed rate instead', () => {
    expect(() => betaFromMeanAndInterval90(0.5, 0.4999999, 0.5000001)).toThrow(/too narrow/);
  });
});
