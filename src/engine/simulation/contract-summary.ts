import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import type { BlockColumns } from './block-task';
import {
  addScalar,
  countBreakEven,
  readCumulativeNet,
  readScalar,
  type ContractTaskOutputs,
  type ScalarOutput,
} from './contract-task';
import {
  BREAK_EVEN_NEVER,
  BREAK_EVEN_NOT_APPLICABLE,
  MONEY_TOLERANCE,
  MONTE_CARLO_ACTORS,
  type MonteCarloActor,
} from './contract-trial';
import {
  probabilityAtLeast,
  probabilityBelow,
  summarize,
  summarizeWithHistogram,
  type Histogram,
  type Summary,
} from './statistics';

/**
 * Summaries of a contract Monte Carlo's columns: per output the mean, spread, standard error,
 * quantiles and a histogram; fan-chart bands of the cumulative net per actor and year; the
 * break-even year distribution per actor; and the probabilities the issue asks for.
 */

export const QUANTILE_DEFINITION = 'type 7 (linear interpolation, as R and numpy default)';

/** A multiple this close below 1 is float noise on a full repayment, not a loss. */
const MULTIPLE_TOLERANCE = 1e-9;
/** An IRR this close below the target reaches it (bisection stops at 1e-10, shared/irr). */
const IRR_TOLERANCE = 1e-8;

export interface OutputSummary extends Summary {
  histogram: Histogram;
}

export interface FanChartYear {
  year: number;
  calendarYear: number;
  mean: number;
  standardError: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface BreakEvenDistribution {
  /** Share of trials breaking even in each contract year (index 0 = year 1). */
  byYear: number[];
  /** Share of trials whose cumulative net ends below 0. */
  never: number;
}

export type PublicTotal = PublicActor | 'public';

export interface ContractOutputSummaries {
  /** Null for the investors of a contract without capital. */
  netAtHorizon: Record<MonteCarloActor, OutputSummary | null>;
  outcomePayments: OutputSummary;
  investorMultiple: OutputSummary | null;
  investorIrr: OutputSummary | null;
  additionalSuccesses: OutputSummary;
  somGains: Record<PublicTotal, OutputSummary>;
}

export interface ContractProbabilities {
  /** P(multiple < 1); null without capital. */
  investorLoss: number | null;
  /** P(IRR ≥ target) among trials with an IRR; null without capital or target. */
  investorReachesTarget: number | null;
  /** P(net at the horizon < 0). */
  netNegativeAtHorizon: Record<PublicTotal, number>;
}

/**
 * Summary and histogram of one output. A constant output (a level that takes no part, a year
 * before any outcome) is summarised directly: every statistic is the value, the spread 0, and
 * the histogram one bin [v, v], as `summarize` and `histogram` define it; this saves a
 * selection pass per constant series.
 */
export function summarizeOutput(values: Float64Array): OutputSummary {
  const value = constantValue(values);
  if (value !== null) {
    const summary = constantSummary(value, values.length);
    return { ...summary, histogram: constantHistogram(summary) };
  }
  const { summary, histogram } = summarizeWithHistogram(values);
  return { ...summary, histogram };
}

/** The value when all values are equal and none is NaN, else null. */
function constantValue(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const first = values[0];
  if (Number.isNaN(first)) return null;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return null;
  return first;
}

function constantHistogram(summary: Summary): Histogram {
  return { edges: [summary.min, summary.max], counts: [summary.count] };
}

function summarizeSeries(values: Float64Array): Summary {
  const value = constantValue(values);
  return value === null ? summarize(values) : constantSummary(value, values.length);
}

function constantSummary(value: number, count: number): Summary {
  return {
    count,
    missing: 0,
    mean: value,
    standardDeviation: count < 2 ? NaN : 0,
    standardError: count < 2 ? NaN : 0,
    min: value,
    max: value,
    p5: value,
    p25: value,
    p50: value,
    p75: value,
    p95: value,
  };
}

/** The scalars a full run records; the public totals are summed from the levels. */
export function fullRunScalars(hasCapital: boolean): ScalarOutput[] {
  return [
    'netKommune',
    'netRegion',
    'netStat',
    ...(hasCapital ? (['netInvestor'] as const) : []),
    'netProvider',
    'outcomePayments',
    ...(hasCapital ? (['investorMultiple', 'investorIrr'] as const) : []),
    'additionalSuccesses',
    'somGainsKommune',
    'somGainsRegion',
    'somGainsStat',
  ];
}

/**
 * Summaries and probabilities of a full run's scalars. Reads one output at a time into one reused
 * array, so a million trials need 8 MB here; a public total is the levels added into it
 * ((kommune + region) + stat, per trial, as the levels were read).
 */
export function summarizeScalars(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  trials: number,
  options: { hasCapital: boolean; investorTargetReturn: number | null },
): { outputs: ContractOutputSummaries; probabilities: ContractProbabilities } {
  const values = new Float64Array(trials);
  const read = (name: ScalarOutput) => readScalar(columns, outputs, name, trials, values);
  const publicTotal = (levels: Record<PublicActor, ScalarOutput>) => {
    read(levels.kommune);
    addScalar(columns, outputs, levels.region, trials, values);
    return addScalar(columns, outputs, levels.stat, trials, values);
  };
  const negative = (data: Float64Array) => probabilityBelow(data, -MONEY_TOLERANCE);

  const netAtHorizon = {} as Record<MonteCarloActor, OutputSummary | null>;
  const netNegativeAtHorizon = {} as Record<PublicTotal, number>;
  const levelNets: Record<PublicActor, ScalarOutput> = {
    kommune: 'netKommune',
    region: 'netRegion',
    stat: 'netStat',
  };
  for (const level of PUBLIC_ACTORS) {
    netAtHorizon[level] = summarizeOutput(read(levelNets[level]));
    netNegativeAtHorizon[level] = negative(values);
  }
  netAtHorizon.public = summarizeOutput(publicTotal(levelNets));
  netNegativeAtHorizon.public = negative(values);
  netAtHorizon.investor = options.hasCapital ? summarizeOutput(read('netInvestor')) : null;
  netAtHorizon.provider = summarizeOutput(read('netProvider'));

  let investorMultiple: OutputSummary | null = null;
  let investorIrr: OutputSummary | null = null;
  let investorLoss: number | null = null;
  let investorReachesTarget: number | null = null;
  if (options.hasCapital) {
    investorMultiple = summarizeOutput(read('investorMultiple'));
    investorLoss = probabilityBelow(values, 1 - MULTIPLE_TOLERANCE);
    investorIrr = summarizeOutput(read('investorIrr'));
    const target = options.investorTargetReturn;
    if (target !== null) {
      investorReachesTarget = probabilityAtLeast(values, target - IRR_TOLERANCE);
    }
  }
  const outcomePayments = summarizeOutput(read('outcomePayments'));
  const additionalSuccesses = summarizeOutput(read('additionalSuccesses'));
  const somGains = {} as Record<PublicTotal, OutputSummary>;
  const levelGains: Record<PublicActor, ScalarOutput> = {
    kommune: 'somGainsKommune',
    region: 'somGainsRegion',
    stat: 'somGainsStat',
  };
  for (const level of PUBLIC_ACTORS) somGains[level] = summarizeOutput(read(levelGains[level]));
  somGains.public = summarizeOutput(publicTotal(levelGains));

  return {
    outputs: {
      netAtHorizon: Object.fromEntries(
        MONTE_CARLO_ACTORS.map((actor) => [actor, netAtHorizon[actor]]),
      ) as Record<MonteCarloActor, OutputSummary | null>,
      outcomePayments,
      investorMultiple,
      investorIrr,
      additionalSuccesses,
      somGains,
    },
    probabilities: { investorLoss, investorReachesTarget, netNegativeAtHorizon },
  };
}

/** Fan-chart bands of the cumulative net, per actor and contract year. */
export function summarizeFanCharts(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  trials: number,
  contract: { startYear: number; horizonYears: number; hasCapital: boolean },
): Record<MonteCarloActor, FanChartYear[] | null> {
  const years = contract.horizonYears;
  const scratch = new Float64Array(trials);
  const result = {} as Record<MonteCarloActor, FanChartYear[] | null>;
  MONTE_CARLO_ACTORS.forEach((actor, a) => {
    if (actor === 'investor' && !contract.hasCapital) {
      result[actor] = null;
      return;
    }
    result[actor] = Array.from({ length: years }, (_, y) => {
      const summary = summarizeSeries(
        readCumulativeNet(columns, outputs, years, a, y, trials, scratch),
      );
      return {
        year: y + 1,
        calendarYear: contract.startYear + y,
        mean: summary.mean,
        standardError: summary.standardError,
        p5: summary.p5,
        p25: summary.p25,
        p50: summary.p50,
        p75: summary.p75,
        p95: summary.p95,
      };
    });
  });
  return result;
}

/** Break-even year distribution per actor; null for an actor not in the contract. */
export function summarizeBreakEven(
  columns: BlockColumns,
  outputs: ContractTaskOutputs,
  trials: number,
  years: number,
): Record<MonteCarloActor, BreakEvenDistribution | null> {
  const counts = countBreakEven(columns, outputs, trials);
  const result = {} as Record<MonteCarloActor, BreakEvenDistribution | null>;
  MONTE_CARLO_ACTORS.forEach((actor, a) => {
    const byCode = counts[a];
    result[actor] =
      byCode[BREAK_EVEN_NOT_APPLICABLE] === trials
        ? null
        : {
            byYear: Array.from({ length: years }, (_, y) => byCode[y + 1] / trials),
            never: byCode[BREAK_EVEN_NEVER] / trials,
          };
  });
  return result;
}
