import type { RateDistribution } from './beta-fit';
import { FixedRateBinomial } from './binomial';
import type { Xor128Stream } from './rng';

/**
 * Continuous and small discrete samplers for the Monte Carlo. Floats by design: these run once
 * or a few times per trial. Each sampler precomputes its constants in the constructor so the
 * per-trial call does no setup and allocates nothing.
 */

/** Marsaglia–Tsang's cheap squeeze: accept when u < 1 − 0.0331·x⁴. */
const MARSAGLIA_TSANG_SQUEEZE = 0.0331;

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3). For shape < 1 the boost Gamma(a) = Gamma(a + 1)·U^(1/a) is
 * applied in log space (`sampleLog`), so tiny shapes do not underflow to 0.
 */
export class GammaSampler {
  private readonly d: number;
  private readonly c: number;
  private readonly inverseShape: number;
  /** True when shape < 1: draws come from Gamma(shape + 1) and are boosted. */
  readonly boosted: boolean;

  constructor(readonly shape: number) {
    if (!(shape > 0 && Number.isFinite(shape))) {
      throw new RangeError(`Gamma shape must be a positive number, got ${shape}`);
    }
    this.boosted = shape < 1;
    const effectiveShape = this.boosted ? shape + 1 : shape;
    this.d = effectiveShape - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.inverseShape = 1 / shape;
  }

  /** The Marsaglia–Tsang draw itself: Gamma(shape), or Gamma(shape + 1) when boosted. */
  private sampleCore(stream: Xor128Stream): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = stream.nextStandardNormal();
        v = 1 + this.c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = stream.nextOpen();
      const xSquared = x * x;
      if (u < 1 - MARSAGLIA_TSANG_SQUEEZE * xSquared * xSquared) return this.d * v;
      if (Math.log(u) < 0.5 * xSquared + this.d * (1 - v + Math.log(v))) return this.d * v;
    }
  }

  /** ln of a Gamma(shape, 1) draw; finite even when the draw itself would underflow. */
  sampleLog(stream: Xor128Stream): number {
    const logCore = Math.log(this.sampleCore(stream));
    return this.boosted ? logCore + Math.log(stream.nextOpen()) * this.inverseShape : logCore;
  }

  sample(stream: Xor128Stream): number {
    return this.boosted ? Math.exp(this.sampleLog(stream)) : this.sampleCore(stream);
  }
}

/**
 * Beta(α, β) as X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β). When a shape is below 1 the ratio
 * is formed from the logs, since X or Y can underflow.
 */
export class BetaSampler {
  private readonly alphaGamma: GammaSampler;
  private readonly betaGamma: GammaSampler;
  private readonly viaLogs: boolean;

  constructor(alpha: number, beta: number) {
    this.alphaGamma = new GammaSampler(alpha);
    this.betaGamma = new GammaSampler(beta);
    this.viaLogs = this.alphaGamma.boosted || this.betaGamma.boosted;
  }

  sample(stream: Xor128Stream): number {
    if (this.viaLogs) {
      const logX = this.alphaGamma.sampleLog(stream);
      const logY = this.betaGamma.sampleLog(stream);
      return 1 / (1 + Math.exp(logY - logX));
    }
    const x = this.alphaGamma.sample(stream);
    return x / (x + this.betaGamma.sample(stream));
  }
}

/** Draws a rate per trial from its fitted distribution; a fixed rate consumes no randomness. */
export class RateSampler {
  private readonly betaSampler: BetaSampler | null;
  private readonly fixedValue: number;

  constructor(readonly distribution: RateDistribution) {
    if (distribution.kind === 'beta') {
      this.betaSampler = new BetaSampler(distribution.alpha, distribution.beta);
      this.fixedValue = distribution.mean;
    } else {
      this.betaSampler = null;
      this.fixedValue = distribution.value;
    }
  }

  get isUncertain(): boolean {
    return this.betaSampler !== null;
  }

  sample(stream: Xor128Stream): number {
    return this.betaSampler === null ? this.fixedValue : this.betaSampler.sample(stream);
  }
}

/**
 * A multiplicative uncertainty factor with mean exactly 1: lognormal, exp(σZ − σ²/2) with
 * σ² = ln(1 + cv²), so its coefficient of variation is cv. Lognormal rather than normal because
 * a factor on gains must stay positive without truncation (which would shift the mean).
 */
export class LognormalFactorSampler {
  private readonly sigma: number;
  private readonly meanCorrection: number;

  constructor(readonly coefficientOfVariation: number) {
    if (!(coefficientOfVariation >= 0 && Number.isFinite(coefficientOfVariation))) {
      throw new RangeError(
        `coefficientOfVariation must be a non-negative number, got ${coefficientOfVariation}`,
      );
    }
    const variance = Math.log1p(coefficientOfVariation * coefficientOfVariation);
    this.sigma = Math.sqrt(variance);
    this.meanCorrection = -0.5 * variance;
  }

  sample(stream: Xor128Stream): number {
    if (this.sigma === 0) return 1;
    return Math.exp(this.meanCorrection + this.sigma * stream.nextStandardNormal());
  }
}

/** Probabilities may sum to 1 within this tolerance (they are often typed as decimals). */
const PROBABILITY_SUM_TOLERANCE = 1e-9;

/** Checks a small discrete distribution and returns it as a Float64Array. */
export function checkedProbabilities(probabilities: readonly number[], name: string): Float64Array {
  if (probabilities.length === 0)
    throw new RangeError(`${name} must list at least one probability`);
  let total = 0;
  for (const probability of probabilities) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new RangeError(`${name} entries must lie in [0, 1], got ${probability}`);
    }
    total += probability;
  }
  if (Math.abs(total - 1) > PROBABILITY_SUM_TOLERANCE) {
    throw new RangeError(`${name} must sum to 1, got ${total} from [${probabilities.join(', ')}]`);
  }
  return Float64Array.from(probabilities);
}

/**
 * One draw from a small categorical distribution (e.g. the year an outcome is achieved), by
 * inversion over the cumulative probabilities; the last category takes any rounding remainder.
 */
export class CategoricalSampler {
  private readonly cumulative: Float64Array;

  constructor(probabilities: readonly number[], name = 'probabilities') {
    const checked = checkedProbabilities(probabilities, name);
    this.cumulative = new Float64Array(checked.length);
    let sum = 0;
    for (let i = 0; i < checked.length; i++) {
      sum += checked[i];
      this.cumulative[i] = sum;
    }
  }

  get categoryCount(): number {
    return this.cumulative.length;
  }

  sample(stream: Xor128Stream): number {
    const u = stream.nextDouble();
    const last = this.cumulative.length - 1;
    for (let i = 0; i < last; i++) if (u < this.cumulative[i]) return i;
    return last;
  }
}

/**
 * Splits a count over a small categorical distribution: a multinomial draw, as sequential
 * conditional binomials (category i gets Binomial(remaining, p_i / (p_i + … + p_last))). The
 * same in distribution as drawing a category for each of the n items separately.
 */
export class MultinomialSplitter {
  /** Category i's draw: Binomial with p_i divided by the mass of categories i.. (tail sums avoid cancellation). */
  private readonly conditional: FixedRateBinomial[] = [];

  constructor(probabilities: readonly number[], name = 'probabilities') {
    const checked = checkedProbabilities(probabilities, name);
    let tail = 0;
    const conditional = new Array<number>(checked.length);
    for (let i = checked.length - 1; i >= 0; i--) {
      tail += checked[i];
      conditional[i] = tail > 0 ? Math.min(1, checked[i] / tail) : 0;
    }
    this.conditional = conditional.map((probability) => new FixedRateBinomial(probability));
  }

  get categoryCount(): number {
    return this.conditional.length;
  }

  /** Adds the split of `count` to out[offset + i] for each category i that fits below `limit`; the rest are dropped. */
  addSplit(
    stream: Xor128Stream,
    count: number,
    out: Float64Array,
    offset: number,
    limit: number,
  ): void {
    let remaining = count;
    const last = this.conditional.length - 1;
    for (let i = 0; i < last && remaining > 0; i++) {
      const drawn = this.conditional[i].sample(stream, remaining);
      if (offset + i < limit) out[offset + i] += drawn;
      remaining -= drawn;
    }
    if (remaining > 0 && offset + last < limit) out[offset + last] += remaining;
  }
}
