import { projectionToJson } from '../contract';
import type { RateDistribution } from './beta-fit';
import type { RateName } from './contract-outcome-sampler';
import type { ContractSimulationResult, ContractSimulationTimings } from './contract-simulation';
import type { BreakEvenDistribution, FanChartYear, OutputSummary } from './contract-summary';
import { MONTE_CARLO_ACTORS, type MonteCarloActor } from './contract-trial';
import type { NetsAtHorizon, SweepPoint } from './sensitivity';

/**
 * The stable JSON of a contract simulation (`dsi simulate --format json`, `POST /simulations`).
 * Keys are written in a fixed order and every float is rounded to a fixed number of decimals, so
 * the same input and seed give byte-identical JSON whatever the number of workers; only
 * `meta.timings` (milliseconds and the workers used) differs between runs.
 *
 * Monte Carlo statistics are floats (estimates, not ledgers): money in kroner with 2 decimals,
 * rates, IRRs, multiples and probabilities with 6, counts of people with 4. A value that does not
 * exist (no IRR in any trial, no investors) is null. `expected` is the exact projection's JSON
 * (money as strings).
 */

export type ContractSimulationJson = {
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  monteCarlo: Record<string, unknown>;
  sensitivity: Record<string, unknown> | null;
  meta: {
    seed: string | number;
    trials: number;
    version: string | null;
    timings: ContractSimulationTimings;
  };
};

const MONEY_DECIMALS = 2;
const RATE_DECIMALS = 6;
const COUNT_DECIMALS = 4;
const TIMING_DECIMALS = 1;

/** A float with a fixed number of decimals (toFixed: deterministic), or null when not finite. */
function fixed(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded; // no "-0"
}

const money = (value: number | null | undefined) => fixed(value, MONEY_DECIMALS);
const rate = (value: number | null | undefined) => fixed(value, RATE_DECIMALS);
const count = (value: number | null | undefined) => fixed(value, COUNT_DECIMALS);

type Round = (value: number | null | undefined) => number | null;

function summaryJson(summary: OutputSummary | null, round: Round): Record<string, unknown> | null {
  if (summary === null) return null;
  return {
    count: summary.count,
    missing: summary.missing,
    mean: round(summary.mean),
    sd: round(summary.standardDeviation),
    sem: round(summary.standardError),
    min: round(summary.min),
    p5: round(summary.p5),
    p25: round(summary.p25),
    p50: round(summary.p50),
    p75: round(summary.p75),
    p95: round(summary.p95),
    max: round(summary.max),
    histogram: {
      edges: summary.histogram.edges.map((edge) => round(edge)),
      counts: summary.histogram.counts,
    },
  };
}

function byActor<T>(
  values: Record<MonteCarloActor, T>,
  convert: (value: T) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(MONTE_CARLO_ACTORS.map((actor) => [actor, convert(values[actor])]));
}

function fanChartJson(years: FanChartYear[] | null): unknown {
  return (
    years?.map((year) => ({
      year: year.year,
      calendarYear: year.calendarYear,
      mean: money(year.mean),
      sem: money(year.standardError),
      p5: money(year.p5),
      p25: money(year.p25),
      p50: money(year.p50),
      p75: money(year.p75),
      p95: money(year.p95),
    })) ?? null
  );
}

function breakEvenJson(distribution: BreakEvenDistribution | null, startYear: number): unknown {
  if (distribution === null) return null;
  return {
    byYear: distribution.byYear.map((share, y) => ({
      year: y + 1,
      calendarYear: startYear + y,
      share: rate(share),
    })),
    never: rate(distribution.never),
  };
}

function distributionJson(distribution: RateDistribution): Record<string, unknown> {
  if (distribution.kind === 'fixed') return { kind: 'fixed', value: distribution.value };
  return {
    kind: 'beta',
    mean: distribution.mean,
    alpha: rate(distribution.alpha),
    beta: rate(distribution.beta),
    fittedInterval90: distribution.fittedInterval90.map((end) => rate(end)),
  };
}

function netsJson(nets: NetsAtHorizon): Record<string, unknown> {
  return {
    kommune: money(nets.kommune),
    public: money(nets.public),
    investor: money(nets.investor),
  };
}

function pointJson(point: SweepPoint): Record<string, unknown> {
  return { value: rate(point.value), netAtHorizon: netsJson(point.netAtHorizon) };
}

function timingsJson(timings: ContractSimulationTimings): ContractSimulationTimings {
  const ms = (value: number) => fixed(value, TIMING_DECIMALS) ?? 0;
  return {
    projectionMs: ms(timings.projectionMs),
    simulateMs: ms(timings.simulateMs),
    summarizeMs: ms(timings.summarizeMs),
    sensitivityMs: ms(timings.sensitivityMs),
    totalMs: ms(timings.totalMs),
    workersUsed: timings.workersUsed,
  };
}

export function contractSimulationToJson(result: ContractSimulationResult): ContractSimulationJson {
  const { inputs, monteCarlo: mc, sensitivity } = result;
  const startYear = inputs.contract.startYear;
  const outputs = mc.outputs;
  const rateNames = Object.keys(mc.rateDistributions) as RateName[];
  return {
    inputs: {
      contract: inputs.contract,
      uncertainty: inputs.uncertainty,
      investorTargetReturn: inputs.investorTargetReturn,
      sensitivity: inputs.sensitivity,
      seed: inputs.seed,
      trials: inputs.trials,
    },
    expected: projectionToJson(result.expected),
    monteCarlo: {
      trials: mc.trials,
      quantileDefinition: mc.quantileDefinition,
      parameters: {
        rateDistributions: Object.fromEntries(
          rateNames.map((name) => [name, distributionJson(mc.rateDistributions[name])]),
        ),
        somGainsCoefficientOfVariation: mc.somGainsCoefficientOfVariation,
        cohortSampling: mc.cohortSampling,
      },
      outputs: {
        netAtHorizon: byActor(outputs.netAtHorizon, (summary) => summaryJson(summary, money)),
        outcomePayments: summaryJson(outputs.outcomePayments, money),
        investorMultiple: summaryJson(outputs.investorMultiple, rate),
        investorIrr: summaryJson(outputs.investorIrr, rate),
        additionalSuccesses: summaryJson(outputs.additionalSuccesses, count),
        somGains: {
          kommune: summaryJson(outputs.somGains.kommune, money),
          region: summaryJson(outputs.somGains.region, money),
          stat: summaryJson(outputs.somGains.stat, money),
          public: summaryJson(outputs.somGains.public, money),
        },
      },
      fanChart: {
        trials: mc.fanChart.trials,
        cumulativeNet: byActor(mc.fanChart.byActor, fanChartJson),
      },
      breakEven: byActor(mc.breakEven, (distribution) => breakEvenJson(distribution, startYear)),
      probabilities: {
        investorLoss: rate(mc.probabilities.investorLoss),
        investorReachesTarget: rate(mc.probabilities.investorReachesTarget),
        netNegativeAtHorizon: {
          kommune: rate(mc.probabilities.netNegativeAtHorizon.kommune),
          region: rate(mc.probabilities.netNegativeAtHorizon.region),
          stat: rate(mc.probabilities.netNegativeAtHorizon.stat),
          public: rate(mc.probabilities.netNegativeAtHorizon.public),
        },
      },
    },
    sensitivity: sensitivity && {
      variation: sensitivity.variation,
      parameters: sensitivity.parameters.map((entry) => ({
        parameter: entry.parameter,
        unit: entry.unit,
        range: entry.range.map((end) => rate(end)),
        low: pointJson(entry.low),
        base: pointJson(entry.base),
        high: pointJson(entry.high),
        switchingValue: {
          kommune: rate(entry.switchingValue.kommune),
          investor: rate(entry.switchingValue.investor),
        },
      })),
      skipped: sensitivity.skipped.map((entry) => ({
        parameter: entry.parameter,
        reason: entry.reason,
      })),
    },
    meta: {
      seed: result.meta.seed,
      trials: result.meta.trials,
      version: result.meta.version,
      timings: timingsJson(result.meta.timings),
    },
  };
}
