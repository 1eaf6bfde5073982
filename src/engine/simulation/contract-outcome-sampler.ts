import {
  customMetricUnits,
  expectedOutcomes,
  outcomeLagShares,
  type Contract,
  type CountMetric,
  type OutcomeMetric,
  type OutcomesByYear,
} from '../contract';
import { floatArith } from '../shared/arith';
import { rateDistribution, type RateDistribution } from './beta-fit';
import { BinomialSite } from './binomial';
import { LognormalFactorSampler, MultinomialSplitter, RateSampler } from './distributions';
import type { Xor128Stream } from './rng';

/**
 * One Monte Carlo trial's outcomes of a contract, drawn in the contract engine's own definitions
 * (`expectedOutcomes`), so that their expectation is the projection's input:
 *   started(y)    intake of year y, whole people;
 *   dropouts(y)   ~ Binomial(started(y), δ), in the start year (frafald);
 *   completers(y) = started(y) − dropouts(y);
 *   measured(y)   = the completers of each start year s spread over the outcome lags
 *                   (a multinomial split with the lag shares), summed for y = s + lag;
 *   gross(y)      ~ Binomial(measured(y), g): rates apply to completers, as in the contract;
 *   additional(y) = gross(y) − W, W ~ Binomial(gross(y), min(1, d/g)), so
 *                   E[additional(y)] = measured(y)·(g − d): deadweight (dødvægt) is percentage
 *                   points of the completers, as in the contract; a trial whose drawn d exceeds
 *                   its drawn g has no additional successes.
 * g, d and δ are drawn per trial (fixed, or Beta around the contract's rate), in that order, then
 * the SØM gain factor (lognormal, mean 1). Observed values in the contract replace the draws of
 * their year, and later counts build on them, as in `expectedOutcomes` (an observed gross count
 * without an additional count gives additional = max(0, gross − d·measured)). Custom outcome
 * metrics follow from the counts by the contract engine's `customMetricUnits`.
 *
 * Why not `CohortSimulator`: it spreads dropouts over the years and draws successes per intake
 * cohort before spreading them, and it has no `measured` count, which the baseline-adjusted and
 * threshold payments need year by year, consistent with the successes (gross ≤ measured). The
 * binomial draws, lag split and rate samplers are the same building blocks.
 *
 * A fractional expected intake (e.g. 150 × 0.33) becomes whole people per trial: ⌊n⌋ + 1 with
 * probability n − ⌊n⌋, else ⌊n⌋, which keeps the mean.
 *
 * With `cohortSampling: false` no count is drawn: each trial's counts are the expected counts at
 * that trial's drawn rates (fractional), so only parameter uncertainty remains, and with fixed
 * rates every trial is the deterministic projection.
 *
 * Floats throughout (documented exception to exact money): this is the Monte Carlo hot loop.
 */

export type RateName = 'grossSuccessRate' | 'deadweightRate' | 'dropoutRate';
/** The uncertain rates, in the order each trial draws them. */
export const RATE_NAMES: readonly RateName[] = [
  'grossSuccessRate',
  'deadweightRate',
  'dropoutRate',
];

/** The uncertainty of one rate around the contract's value: a 90% interval or an effective sample size. */
export interface RateUncertainty {
  interval90?: [number, number];
  effectiveSampleSize?: number;
}

export interface OutcomeSamplerOptions {
  /**
   * How each rate is drawn per trial (plain data, fitted once with `contractRateDistributions`);
   * a rate not given is fixed at the contract's value.
   */
  rates?: Partial<Record<RateName, RateDistribution>>;
  /** Coefficient of variation of the mean-one lognormal factor on all SØM gains; default 0 (none). */
  somGainsCoefficientOfVariation?: number;
  /** Draw the counts (default true), or use the expected counts at each trial's drawn rates. */
  cohortSampling?: boolean;
}

/** The parameters one trial drew. */
export interface DrawnContractParameters {
  grossSuccessRate: number;
  deadweightRate: number;
  dropoutRate: number;
  /** Multiplies every SØM gain of the trial (mean 1). */
  somGainFactor: number;
}

type ObservableCount =
  | 'started'
  | 'dropouts'
  | 'measured'
  | 'grossSuccesses'
  | 'additionalSuccesses';
const OBSERVABLE_COUNTS: readonly ObservableCount[] = [
  'started',
  'dropouts',
  'measured',
  'grossSuccesses',
  'additionalSuccesses',
];

/**
 * Each rate's distribution: the contract's value as the mean, with the given uncertainty (a Beta
 * fitted to a 90% interval or an effective sample size), or fixed. Throws a RangeError naming
 * `uncertainty.<rate>` when the uncertainty cannot be fitted.
 */
export function contractRateDistributions(
  contract: Contract,
  uncertainty: Partial<Record<RateName, RateUncertainty>> = {},
): Record<RateName, RateDistribution> {
  const result = {} as Record<RateName, RateDistribution>;
  for (const name of RATE_NAMES) {
    result[name] = rateDistribution(
      { mean: contract.intervention[name], ...uncertainty[name] },
      `uncertainty.${name}`,
    );
  }
  return result;
}

function rateOf(
  contract: Contract,
  options: OutcomeSamplerOptions,
  name: RateName,
): RateDistribution {
  return options.rates?.[name] ?? { kind: 'fixed', value: contract.intervention[name] };
}

/** An array of `years` numbers per count, all zero. */
function emptyOutcomes(years: number): OutcomesByYear<number> {
  const series = () => new Array<number>(years).fill(0);
  return {
    years,
    started: series(),
    dropouts: series(),
    completers: series(),
    measured: series(),
    grossSuccesses: series(),
    additionalSuccesses: series(),
    metrics: {},
    thresholdImprovement: {},
  };
}

export class ContractOutcomeSampler {
  readonly years: number;
  readonly distributions: Record<RateName, RateDistribution>;
  readonly cohortSampling: boolean;
  /** The trial's outcomes, overwritten by each `draw` (the same object every time). */
  readonly outcomes: OutcomesByYear<number>;
  readonly drawn: DrawnContractParameters = {
    grossSuccessRate: 0,
    deadweightRate: 0,
    dropoutRate: 0,
    somGainFactor: 1,
  };
  private readonly grossRate: RateSampler;
  private readonly deadweightRate: RateSampler;
  private readonly dropoutRate: RateSampler;
  private readonly gainFactor: LognormalFactorSampler | null;
  /** Expected intake by year (observed values and an early stop applied). */
  private readonly plannedStarted: Float64Array;
  /** Observed values by count and year; NaN where not observed. */
  private readonly observed: Record<ObservableCount, Float64Array>;
  private readonly observedMetrics: (Record<string, number> | undefined)[];
  private readonly lagShares: Float64Array;
  private readonly lagSplit: MultinomialSplitter;
  private readonly dropoutDraw: BinomialSite;
  private readonly successDraw: BinomialSite;
  private readonly deadweightDraw: BinomialSite;
  private readonly metrics: readonly OutcomeMetric[];
  /** Scratch for the multinomial lag split (one slot per year). */
  private readonly measuredScratch: Float64Array;

  constructor(contract: Contract, options: OutcomeSamplerOptions = {}) {
    const years = contract.horizonYears;
    this.years = years;
    this.cohortSampling = options.cohortSampling ?? true;
    this.distributions = {
      grossSuccessRate: rateOf(contract, options, 'grossSuccessRate'),
      deadweightRate: rateOf(contract, options, 'deadweightRate'),
      dropoutRate: rateOf(contract, options, 'dropoutRate'),
    };
    this.grossRate = new RateSampler(this.distributions.grossSuccessRate);
    this.deadweightRate = new RateSampler(this.distributions.deadweightRate);
    this.dropoutRate = new RateSampler(this.distributions.dropoutRate);
    const cv = options.somGainsCoefficientOfVariation ?? 0;
    this.gainFactor = cv > 0 ? new LognormalFactorSampler(cv) : null;

    this.plannedStarted = Float64Array.from(
      expectedOutcomes(contract).started.map((count) => count.toNumber()),
    );
    this.observed = {} as Record<ObservableCount, Float64Array>;
    for (const key of OBSERVABLE_COUNTS) this.observed[key] = new Float64Array(years).fill(NaN);
    this.observedMetrics = new Array(years).fill(undefined);
    for (const entry of contract.observed?.byYear ?? []) {
      const y = entry.year - 1;
      if (y < 0 || y >= years) continue;
      for (const key of OBSERVABLE_COUNTS) {
        const value = entry[key];
        if (value !== undefined) this.observed[key][y] = value;
      }
      this.observedMetrics[y] = entry.metrics;
    }
    this.lagShares = Float64Array.from(
      outcomeLagShares(contract.intervention.outcomeLagYears).map((share) => share.toNumber()),
    );
    this.lagSplit = new MultinomialSplitter(Array.from(this.lagShares), 'outcomeLagYears');
    const fixed = (d: RateDistribution) => (d.kind === 'fixed' ? d.value : null);
    const fixedGross = fixed(this.distributions.grossSuccessRate);
    const fixedDeadweight = fixed(this.distributions.deadweightRate);
    this.dropoutDraw = new BinomialSite(fixed(this.distributions.dropoutRate));
    this.successDraw = new BinomialSite(fixedGross);
    this.deadweightDraw = new BinomialSite(
      fixedGross === null || fixedDeadweight === null
        ? null
        : deadweightShare(fixedGross, fixedDeadweight),
    );
    this.metrics = contract.intervention.outcomeMetrics ?? [];
    this.measuredScratch = new Float64Array(years);
    this.outcomes = emptyOutcomes(years);
    for (const [id, value] of Object.entries(contract.observed?.thresholdImprovement ?? {})) {
      this.outcomes.thresholdImprovement[id] = value;
    }
  }

  /** Draws one trial into `this.outcomes` and `this.drawn`. */
  draw(stream: Xor128Stream): void {
    const drawn = this.drawn;
    drawn.grossSuccessRate = this.grossRate.sample(stream);
    drawn.deadweightRate = this.deadweightRate.sample(stream);
    drawn.dropoutRate = this.dropoutRate.sample(stream);
    drawn.somGainFactor = this.gainFactor === null ? 1 : this.gainFactor.sample(stream);
    if (this.cohortSampling) this.drawCounts(stream);
    else this.expectedCounts();
    if (this.metrics.length > 0) this.deriveMetrics();
  }

  private drawCounts(stream: Xor128Stream): void {
    const o = this.outcomes;
    const { grossSuccessRate: g, deadweightRate: d, dropoutRate: delta } = this.drawn;
    const observed = this.observed;
    const measured = this.measuredScratch;
    measured.fill(0);
    for (let y = 0; y < this.years; y++) {
      const started = wholePeople(stream, this.plannedStarted[y]);
      const observedDropouts = observed.dropouts[y];
      const dropouts = Number.isNaN(observedDropouts)
        ? this.dropoutDraw.sample(stream, started, delta)
        : observedDropouts;
      const completers = Math.max(0, started - dropouts);
      o.started[y] = started;
      o.dropouts[y] = dropouts;
      o.completers[y] = completers;
      this.lagSplit.addSplit(stream, wholePeople(stream, completers), measured, y, this.years);
    }
    const share = deadweightShare(g, d);
    for (let y = 0; y < this.years; y++) {
      const observedMeasured = observed.measured[y];
      const measuredCount = Number.isNaN(observedMeasured)
        ? measured[y]
        : wholePeople(stream, observedMeasured);
      o.measured[y] = Number.isNaN(observedMeasured) ? measuredCount : observedMeasured;
      const observedGross = observed.grossSuccesses[y];
      const gross = Number.isNaN(observedGross)
        ? this.successDraw.sample(stream, measuredCount, g)
        : observedGross;
      o.grossSuccesses[y] = gross;
      const observedAdditional = observed.additionalSuccesses[y];
      if (!Number.isNaN(observedAdditional)) {
        o.additionalSuccesses[y] = observedAdditional;
      } else if (!Number.isNaN(observedGross)) {
        o.additionalSuccesses[y] = Math.max(0, gross - d * o.measured[y]);
      } else {
        o.additionalSuccesses[y] = gross - this.deadweightDraw.sample(stream, gross, share);
      }
    }
  }

  /** The expected counts at the trial's drawn rates, with the same observed overrides. */
  private expectedCounts(): void {
    const o = this.outcomes;
    const { grossSuccessRate: g, deadweightRate: d, dropoutRate: delta } = this.drawn;
    const observed = this.observed;
    const measured = this.measuredScratch;
    measured.fill(0);
    for (let y = 0; y < this.years; y++) {
      const started = this.plannedStarted[y];
      const observedDropouts = observed.dropouts[y];
      const dropouts = Number.isNaN(observedDropouts) ? started * delta : observedDropouts;
      const completers = Math.max(0, started - dropouts);
      o.started[y] = started;
      o.dropouts[y] = dropouts;
      o.completers[y] = completers;
      for (let lag = 0; lag < this.lagShares.length && y + lag < this.years; lag++) {
        measured[y + lag] += completers * this.lagShares[lag];
      }
    }
    for (let y = 0; y < this.years; y++) {
      const observedMeasured = observed.measured[y];
      const measuredCount = Number.isNaN(observedMeasured) ? measured[y] : observedMeasured;
      o.measured[y] = measuredCount;
      const observedGross = observed.grossSuccesses[y];
      const gross = Number.isNaN(observedGross) ? measuredCount * g : observedGross;
      o.grossSuccesses[y] = gross;
      const observedAdditional = observed.additionalSuccesses[y];
      if (!Number.isNaN(observedAdditional)) {
        o.additionalSuccesses[y] = observedAdditional;
      } else if (!Number.isNaN(observedGross)) {
        o.additionalSuccesses[y] = Math.max(0, gross - d * measuredCount);
      } else {
        o.additionalSuccesses[y] = measuredCount * Math.max(0, g - d);
      }
    }
  }

  private deriveMetrics(): void {
    const o = this.outcomes;
    const counts: Record<CountMetric, number[]> = {
      started: o.started,
      completers: o.completers,
      measured: o.measured,
      grossSuccesses: o.grossSuccesses,
      additionalSuccesses: o.additionalSuccesses,
    };
    const units = customMetricUnits(this.metrics, counts, this.years, floatArith);
    for (let y = 0; y < this.years; y++) {
      const observedUnits = this.observedMetrics[y];
      if (observedUnits === undefined) continue;
      for (const [id, value] of Object.entries(observedUnits)) {
        if (units[id] !== undefined) units[id][y] = value;
      }
    }
    o.metrics = units;
  }
}

/** Share of a trial's gross successes that are deadweight: min(1, d/g), 0 when g = 0. */
function deadweightShare(grossRate: number, deadweightRate: number): number {
  return grossRate > 0 ? Math.min(1, deadweightRate / grossRate) : 0;
}

/** A count as whole people: n itself when whole, else ⌊n⌋ or ⌈n⌉ with the mean kept at n. */
export function wholePeople(stream: Xor128Stream, count: number): number {
  const whole = Math.floor(count);
  if (whole === count) return count;
  return stream.nextDouble() < count - whole ? whole + 1 : whole;
}
