import { bracketedRoot } from '../shared/root';
import { betaQuantile } from './special-functions';

/**
 * An uncertain rate (success rate, deadweight, dropout) as the user states it: a mean, and
 * optionally its uncertainty as a 90% interval or an effective sample size. With neither, the
 * rate is fixed at its mean in every trial.
 */
export interface UncertainRate {
  /** Expected value of the rate, in [0, 1]. */
  mean: number;
  /** [5% quantile, 95% quantile] of the rate: a Beta with this mean is fitted to the interval's width. */
  interval90?: readonly [number, number];
  /** n in Beta(mean·n, (1 − mean)·n): as uncertain as a rate observed on n people. */
  effectiveSampleSize?: number;
}

export interface BetaParameters {
  alpha: number;
  beta: number;
}

/** How a rate is drawn per trial, after fitting. */
export type RateDistribution =
  | { kind: 'fixed'; value: number }
  | {
      kind: 'beta';
      alpha: number;
      beta: number;
      mean: number;
      /** The fitted distribution's own 5% and 95% quantiles, to show beside the requested interval. */
      fittedInterval90: [number, number];
    };

const LOWER_TAIL = 0.05;
const UPPER_TAIL = 0.95;
/** Search range for the concentration κ = α + β, in log space. */
const MIN_CONCENTRATION = 1e-3;
const MAX_CONCENTRATION = 1e6;
/** Bisection stops when the κ bracket is this narrow relative to κ. */
const CONCENTRATION_RELATIVE_TOLERANCE = 1e-10;

/** Beta(mean·n, (1 − mean)·n): the concentration α + β equals the effective sample size n. */
export function betaFromEffectiveSampleSize(
  mean: number,
  effectiveSampleSize: number,
): BetaParameters {
  assertOpenUnit(mean, 'mean');
  if (!(effectiveSampleSize > 0 && Number.isFinite(effectiveSampleSize))) {
    throw new RangeError(
      `effectiveSampleSize must be a positive number, got ${effectiveSampleSize}`,
    );
  }
  return { alpha: mean * effectiveSampleSize, beta: (1 - mean) * effectiveSampleSize };
}

/**
 * The Beta distribution with the given mean whose central 90% interval is as wide as
 * [lower, upper].
 *
 * Method: α = mean·κ and β = (1 − mean)·κ keep the mean exact; the concentration κ is found on
 * ln κ in [1e-3, 1e6] so that q95 − q05 = upper − lower, to a relative tolerance of 1e-10 on κ;
 * quantiles are computed to 1e-14. The width falls as κ grows, roughly as κ^(−½), so ln width
 * is nearly linear in ln κ and false position on it (`bracketedRoot`) needs about a dozen
 * widths where bisection took 38.
 * A mean and two ends are three conditions for two parameters, so when the interval is not
 * placed the way a Beta with that mean is skewed, the fitted ends differ from the requested
 * ones; `fittedInterval90` in `rateDistribution` reports them.
 */
export function betaFromMeanAndInterval90(
  mean: number,
  lower: number,
  upper: number,
): BetaParameters {
  assertOpenUnit(mean, 'mean');
  if (!(lower >= 0 && upper <= 1 && lower < mean && mean < upper)) {
    throw new RangeError(
      `interval90 must satisfy 0 ≤ lower < mean < upper ≤ 1, got lower=${lower}, mean=${mean}, upper=${upper}`,
    );
  }
  const logTarget = Math.log(upper - lower);
  /** ln(width) − ln(target width) at concentration e^logConcentration: falls as it grows. */
  const excessAt = (logConcentration: number): number => {
    const concentration = Math.exp(logConcentration);
    const alpha = mean * concentration;
    const beta = (1 - mean) * concentration;
    const width = betaQuantile(UPPER_TAIL, alpha, beta) - betaQuantile(LOWER_TAIL, alpha, beta);
    return Math.log(width) - logTarget;
  };
  const low = Math.log(MIN_CONCENTRATION);
  const high = Math.log(MAX_CONCENTRATION);
  const excessLow = excessAt(low);
  const excessHigh = excessAt(high);
  if (excessLow < 0) {
    throw new RangeError(
      `interval90 [${lower}, ${upper}] is wider than any Beta distribution with mean ${mean} allows`,
    );
  }
  if (excessHigh > 0) {
    throw new RangeError(
      `interval90 [${lower}, ${upper}] is too narrow to fit (concentration above ${MAX_CONCENTRATION}); give the rate as fixed`,
    );
  }
  const logConcentration = bracketedRoot(
    excessAt,
    { low, high, valueAtLow: excessLow, valueAtHigh: excessHigh },
    { tolerance: CONCENTRATION_RELATIVE_TOLERANCE },
  );
  const concentration = Math.exp(logConcentration);
  return { alpha: mean * concentration, beta: (1 - mean) * concentration };
}

/** Turns a user's rate into the distribution each trial draws from. `name` labels errors. */
export function rateDistribution(rate: UncertainRate, name: string): RateDistribution {
  if (!(rate.mean >= 0 && rate.mean <= 1)) {
    throw new RangeError(`${name}.mean must lie in [0, 1], got ${rate.mean}`);
  }
  if (rate.interval90 !== undefined && rate.effectiveSampleSize !== undefined) {
    throw new RangeError(`${name}: give interval90 or effectiveSampleSize, not both`);
  }
  let parameters: BetaParameters;
  try {
    if (rate.interval90 !== undefined) {
      parameters = betaFromMeanAndInterval90(rate.mean, rate.interval90[0], rate.interval90[1]);
    } else if (rate.effectiveSampleSize !== undefined) {
      parameters = betaFromEffectiveSampleSize(rate.mean, rate.effectiveSampleSize);
    } else {
      return { kind: 'fixed', value: rate.mean };
    }
  } catch (error) {
    throw new RangeError(`${name}: ${(error as Error).message}`);
  }
  return {
    kind: 'beta',
    ...parameters,
    mean: rate.mean,
    fittedInterval90: [
      betaQuantile(LOWER_TAIL, parameters.alpha, parameters.beta),
      betaQuantile(UPPER_TAIL, parameters.alpha, parameters.beta),
    ],
  };
}

function assertOpenUnit(value: number, name: string): void {
  if (!(value > 0 && value < 1)) {
    throw new RangeError(
      `${name} of an uncertain rate must lie strictly between 0 and 1, got ${value}`,
    );
  }
}
