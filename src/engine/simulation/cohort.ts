import { rateDistribution, type UncertainRate } from './beta-fit';
import { BinomialSite, FixedRateBinomial } from './binomial';
import { LognormalFactorSampler, MultinomialSplitter, RateSampler } from './distributions';
import type { Xor128Stream } from './rng';

/**
 * What one Monte Carlo trial draws for a contract's participants, as plain data. The lead's
 * contract adapter builds it from a contract; the model is documented on `CohortSimulator`.
 */
export interface CohortDrawSpec {
  /** Contract years 0 … horizonYears − 1; events after the horizon are not counted. */
  horizonYears: number;
  /** Intake cohort sizes: participantsByYear[y] people start the intervention in contract year y. */
  participantsByYear: readonly number[];
  /** Share of participants who stay (do not drop out) that reach the outcome (succesmål), additional or not. */
  grossSuccessRate: UncertainRate;
  /** Share of participants who stay that would have reached the outcome anyway (dødvægt): successes not caused by the intervention. */
  deadweightRate: UncertainRate;
  /** Share of each intake cohort that drops out (frafald) and cannot succeed. */
  dropoutRate: UncertainRate;
  /** dropoutTiming[k]: probability that a dropout happens k years after intake (sums to 1). */
  dropoutTiming: readonly number[];
  /** successLag[k]: probability that a success is achieved k years after intake (sums to 1). */
  successLag: readonly number[];
  /** Yearly probability that a person holding the outcome loses it (a constant hazard from the year after it is achieved). Default 0. */
  relapseRate?: number;
  /** Uncertainty on the SØM gains as a mean-one lognormal factor with this coefficient of variation. Default: none (factor 1). */
  somGainUncertainty?: { coefficientOfVariation: number };
}

/** The parameters drawn for one trial. */
export interface DrawnParameters {
  grossSuccessRate: number;
  deadweightRate: number;
  dropoutRate: number;
  /** Multiply every SØM gain of the trial by this (mean 1). */
  somGainFactor: number;
}

/** One trial's counts by contract year (index = year). Allocate once with `createCohortTrialBuffers` and reuse. */
export interface CohortTrialBuffers {
  /** People starting the intervention in the year. */
  started: Float64Array;
  /** People dropping out in the year. */
  dropouts: Float64Array;
  /** Successes achieved in the year, additional and deadweight. */
  grossSuccesses: Float64Array;
  /** Successes achieved in the year that the intervention caused (gross − deadweight): the ones SØM values. */
  additionalSuccesses: Float64Array;
  /** Successes achieved in the year that would have happened anyway. */
  deadweightSuccesses: Float64Array;
  /** Successes (of any kind) lost in the year. */
  relapses: Float64Array;
  /** Additional successes lost in the year: their SØM gains stop. */
  additionalRelapses: Float64Array;
  drawn: DrawnParameters;
}

export function createCohortTrialBuffers(horizonYears: number): CohortTrialBuffers {
  return {
    started: new Float64Array(horizonYears),
    dropouts: new Float64Array(horizonYears),
    grossSuccesses: new Float64Array(horizonYears),
    additionalSuccesses: new Float64Array(horizonYears),
    deadweightSuccesses: new Float64Array(horizonYears),
    relapses: new Float64Array(horizonYears),
    additionalRelapses: new Float64Array(horizonYears),
    drawn: { grossSuccessRate: 0, deadweightRate: 0, dropoutRate: 0, somGainFactor: 1 },
  };
}

/**
 * Draws a trial's counts per intake cohort from binomial distributions: participants are
 * exchangeable, so this is the same in distribution as one draw per person
 * (`drawCohortTrialPerParticipant`, tested against it) with far fewer draws.
 *
 * The model, per trial:
 * 1. Draw the rates s (gross success), d (deadweight), δ (dropout), each fixed or Beta, and the
 *    SØM gain factor, in that order.
 * 2. For each intake cohort y of n people: dropouts D ~ Bin(n, δ), spread over the years after
 *    intake by `dropoutTiming` (multinomial). Gross successes S ~ Bin(n − D, s). Of these,
 *    W ~ Bin(S, min(1, d/s)) are deadweight and A = S − W additional, so
 *    E[A] = n·(1 − δ)·(s − d) when d ≤ s. A trial that draws d > s has no additional successes.
 *    A and W are each spread over the years by `successLag` (multinomial).
 * 3. Relapse: each person holding an outcome at the start of a year loses it that year with
 *    probability `relapseRate`, starting the year after the outcome is achieved. Holders of all
 *    cohorts are pooled per year (a constant hazard is memoryless), additional and deadweight
 *    separately.
 * Events falling after the horizon are dropped.
 * Floats, as a Monte Carlo hot loop: counts are exact integers held in doubles, and rates are
 * probabilities, not money.
 */
export class CohortSimulator {
  readonly horizonYears: number;
  readonly participantsByYear: Float64Array;
  readonly grossSuccessRate: RateSampler;
  readonly deadweightRate: RateSampler;
  readonly dropoutRate: RateSampler;
  readonly dropoutTiming: MultinomialSplitter;
  readonly successLag: MultinomialSplitter;
  readonly relapseRate: number;
  readonly somGainFactor: LognormalFactorSampler | null;
  private readonly startedByYear: Float64Array;
  /** Binomial draw sites: tabulated when their probability is fixed for the run. */
  private readonly dropoutDraw: BinomialSite;
  private readonly successDraw: BinomialSite;
  private readonly deadweightDraw: BinomialSite;
  private readonly relapseDraw: FixedRateBinomial;

  constructor(spec: CohortDrawSpec) {
    const horizon = spec.horizonYears;
    if (!(Number.isInteger(horizon) && horizon >= 1)) {
      throw new RangeError(`horizonYears must be a positive integer, got ${horizon}`);
    }
    if (spec.participantsByYear.length > horizon) {
      throw new RangeError(
        `participantsByYear lists ${spec.participantsByYear.length} years, more than horizonYears ${horizon}`,
      );
    }
    spec.participantsByYear.forEach((count, year) => {
      if (!(Number.isInteger(count) && count >= 0)) {
        throw new RangeError(
          `participantsByYear[${year}] must be a non-negative integer, got ${count}`,
        );
      }
    });
    const relapseRate = spec.relapseRate ?? 0;
    if (!(relapseRate >= 0 && relapseRate <= 1)) {
      throw new RangeError(`relapseRate must lie in [0, 1], got ${relapseRate}`);
    }
    this.horizonYears = horizon;
    this.participantsByYear = Float64Array.from(spec.participantsByYear);
    this.startedByYear = new Float64Array(horizon);
    this.startedByYear.set(this.participantsByYear);
    this.grossSuccessRate = new RateSampler(
      rateDistribution(spec.grossSuccessRate, 'grossSuccessRate'),
    );
    this.deadweightRate = new RateSampler(rateDistribution(spec.deadweightRate, 'deadweightRate'));
    this.dropoutRate = new RateSampler(rateDistribution(spec.dropoutRate, 'dropoutRate'));
    this.dropoutTiming = new MultinomialSplitter(spec.dropoutTiming, 'dropoutTiming');
    this.successLag = new MultinomialSplitter(spec.successLag, 'successLag');
    this.relapseRate = relapseRate;
    this.relapseDraw = new FixedRateBinomial(relapseRate);
    this.dropoutDraw = new BinomialSite(fixedValue(this.dropoutRate));
    this.successDraw = new BinomialSite(fixedValue(this.grossSuccessRate));
    const fixedSuccess = fixedValue(this.grossSuccessRate);
    const fixedDeadweight = fixedValue(this.deadweightRate);
    this.deadweightDraw = new BinomialSite(
      fixedSuccess === null || fixedDeadweight === null
        ? null
        : deadweightShare(fixedSuccess, fixedDeadweight),
    );
    this.somGainFactor =
      spec.somGainUncertainty === undefined
        ? null
        : new LognormalFactorSampler(spec.somGainUncertainty.coefficientOfVariation);
  }

  /** Step 1 of the model; shared with the per-participant reference so both see the same rates. */
  drawParameters(stream: Xor128Stream, drawn: DrawnParameters): void {
    drawn.grossSuccessRate = this.grossSuccessRate.sample(stream);
    drawn.deadweightRate = this.deadweightRate.sample(stream);
    drawn.dropoutRate = this.dropoutRate.sample(stream);
    drawn.somGainFactor = this.somGainFactor === null ? 1 : this.somGainFactor.sample(stream);
  }

  /** Share of a trial's successes that are deadweight: min(1, d/s), 0 when s = 0. */
  static deadweightShare(drawn: DrawnParameters): number {
    return deadweightShare(drawn.grossSuccessRate, drawn.deadweightRate);
  }

  /** Draws one trial into `out` (overwriting it). Allocates nothing. */
  drawTrial(stream: Xor128Stream, out: CohortTrialBuffers): void {
    const drawn = out.drawn;
    this.drawParameters(stream, drawn);
    const horizon = this.horizonYears;
    // Plain loops: TypedArray fill/set calls cost more than the work on six-element arrays.
    for (let year = 0; year < horizon; year++) {
      out.started[year] = this.startedByYear[year];
      out.dropouts[year] = 0;
      out.additionalSuccesses[year] = 0;
      out.deadweightSuccesses[year] = 0;
      out.relapses[year] = 0;
      out.additionalRelapses[year] = 0;
    }
    const successRate = drawn.grossSuccessRate;
    const dropoutRate = drawn.dropoutRate;
    const deadweightProbability = CohortSimulator.deadweightShare(drawn);
    const participants = this.participantsByYear;
    for (let year = 0; year < participants.length; year++) {
      const intake = participants[year];
      if (intake === 0) continue;
      const dropouts = this.dropoutDraw.sample(stream, intake, dropoutRate);
      this.dropoutTiming.addSplit(stream, dropouts, out.dropouts, year, horizon);
      const successes = this.successDraw.sample(stream, intake - dropouts, successRate);
      const deadweight = this.deadweightDraw.sample(stream, successes, deadweightProbability);
      this.successLag.addSplit(
        stream,
        successes - deadweight,
        out.additionalSuccesses,
        year,
        horizon,
      );
      this.successLag.addSplit(stream, deadweight, out.deadweightSuccesses, year, horizon);
    }
    for (let year = 0; year < horizon; year++) {
      out.grossSuccesses[year] = out.additionalSuccesses[year] + out.deadweightSuccesses[year];
    }
    this.drawRelapses(stream, out);
  }

  /** Fills the relapse counts, which `drawTrial` has zeroed. */
  private drawRelapses(stream: Xor128Stream, out: CohortTrialBuffers): void {
    if (this.relapseRate === 0) return;
    let additionalHolders = 0;
    let deadweightHolders = 0;
    for (let year = 0; year < this.horizonYears; year++) {
      const additionalLost = this.relapseDraw.sample(stream, additionalHolders);
      const deadweightLost = this.relapseDraw.sample(stream, deadweightHolders);
      out.additionalRelapses[year] = additionalLost;
      out.relapses[year] = additionalLost + deadweightLost;
      additionalHolders += out.additionalSuccesses[year] - additionalLost;
      deadweightHolders += out.deadweightSuccesses[year] - deadweightLost;
    }
  }
}

function deadweightShare(grossSuccessRate: number, deadweightRate: number): number {
  return grossSuccessRate > 0 ? Math.min(1, deadweightRate / grossSuccessRate) : 0;
}

function fixedValue(rate: RateSampler): number | null {
  return rate.distribution.kind === 'fixed' ? rate.distribution.value : null;
}
