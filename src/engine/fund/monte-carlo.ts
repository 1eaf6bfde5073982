import type { PublicActor } from '../shared/actors';
import type { BlockColumns } from '../simulation/block-task';
import type { SimulationSeed } from '../simulation/rng';
import { runTrials, type RunProgress, type RunTimings } from '../simulation/runner';
import { probabilityBelow, summarize, type Summary } from '../simulation/statistics';
import {
  FUND_TRIALS_TASK,
  FUND_YEARLY_COLUMNS,
  GAIN_COLUMNS,
  type FundYearlyColumn,
} from './monte-carlo-block';
import { fundSimulationParams, type FundSimulationParams } from './monte-carlo-params';
import type { FundInput } from './types';

/** Yearly columns that are flows (summed over the horizon for a trial's total). */
const FLOW_COLUMNS = [
  'capitalDeployed',
  'repaymentsReceived',
  'partnerships',
  'partnerKommuner',
  'participantsStarted',
  'peopleHelped',
  'peopleEmployed',
  'additionalSuccesses',
] as const satisfies readonly FundYearlyColumn[];
type FlowColumn = (typeof FLOW_COLUMNS)[number];

export type ActorSummaries = Record<PublicActor | 'total', Summary>;

export interface FundSimulationResult {
  trials: number;
  seed: SimulationSeed;
  years: number[];
  /** Σ injections: the capital the horizon fund value is compared with. */
  initialCapital: number;
  /** Per output and fund year: mean, spread, standard error and the p5/p25/p50/p75/p95 band. */
  byYear: Record<FundYearlyColumn, Summary[]>;
  /** Per trial sums over the horizon. */
  totals: Record<FlowColumn, Summary>;
  cashAtHorizon: Summary;
  /** Cash + the trial's outstanding repayments at the end of the last year, undiscounted. */
  fundValueAtHorizon: Summary;
  /** SØM gains accruing within the horizon, per trial, nominal and discounted to the start year. */
  publicGains: { nominal: ActorSummaries; npv: ActorSummaries };
  /** P(fund value at the horizon < initial capital), with its binomial standard error. */
  probabilityFundValueBelowCapital: { probability: number; standardError: number };
  workersUsed: number;
  timings: RunTimings;
}

export interface FundSimulationOptions {
  trials: number;
  seed: SimulationSeed;
  /** Worker threads (compiled JavaScript only); default 1, in this thread. */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

/** Runs the fund's Monte Carlo (`fundTrials` block task) and summarises it. */
export async function simulateFundTrials(
  fund: FundInput,
  options: FundSimulationOptions,
): Promise<FundSimulationResult> {
  const params = fundSimulationParams(fund);
  const run = await runTrials({
    task: FUND_TRIALS_TASK.name,
    params,
    trials: options.trials,
    seed: options.seed,
    workers: options.workers,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return {
    ...summarizeFundTrials(params, run.columns, run.trials),
    seed: options.seed,
    workersUsed: run.workersUsed,
    timings: run.timings,
  };
}

/** Column `name`'s values for one year, one per trial. */
function yearColumn(
  columns: BlockColumns,
  name: FundYearlyColumn,
  horizon: number,
  year: number,
  trials: number,
): Float64Array {
  const matrix = columns[name];
  const values = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) values[trial] = matrix[trial * horizon + year];
  return values;
}

/** Per trial Σ_y weight[y] × column[trial, y] over the named columns. */
function weightedTrialSums(
  columns: BlockColumns,
  names: readonly FundYearlyColumn[],
  weights: readonly number[],
  trials: number,
): Float64Array {
  const horizon = weights.length;
  const sums = new Float64Array(trials);
  for (const name of names) {
    const matrix = columns[name];
    for (let trial = 0; trial < trials; trial++) {
      let sum = 0;
      for (let year = 0; year < horizon; year++)
        sum += weights[year] * matrix[trial * horizon + year];
      sums[trial] += sum;
    }
  }
  return sums;
}

function actorSummaries(
  columns: BlockColumns,
  weights: readonly number[],
  trials: number,
): ActorSummaries {
  return {
    kommune: summarize(weightedTrialSums(columns, ['gainsKommune'], weights, trials)),
    region: summarize(weightedTrialSums(columns, ['gainsRegion'], weights, trials)),
    stat: summarize(weightedTrialSums(columns, ['gainsStat'], weights, trials)),
    total: summarize(weightedTrialSums(columns, GAIN_COLUMNS, weights, trials)),
  };
}

/** Summaries of a run's columns (as `runTrials` returns them for the `fundTrials` task). */
export function summarizeFundTrials(
  params: FundSimulationParams,
  columns: BlockColumns,
  trials: number,
): Omit<FundSimulationResult, 'seed' | 'workersUsed' | 'timings'> {
  const horizon = params.horizonYears;
  const years = Array.from({ length: horizon }, (_, year) => params.startYear + year);
  const byYear = {} as Record<FundYearlyColumn, Summary[]>;
  for (const name of FUND_YEARLY_COLUMNS) {
    byYear[name] = years.map((_, year) =>
      summarize(yearColumn(columns, name, horizon, year, trials)),
    );
  }
  const ones = years.map(() => 1);
  const totals = {} as Record<FlowColumn, Summary>;
  for (const name of FLOW_COLUMNS)
    totals[name] = summarize(weightedTrialSums(columns, [name], ones, trials));

  const fundValueAtHorizon = yearColumn(columns, 'fundValue', horizon, horizon - 1, trials);
  const probability = probabilityBelow(fundValueAtHorizon, params.totalInjections);
  return {
    trials,
    years,
    initialCapital: params.totalInjections,
    byYear,
    totals,
    cashAtHorizon: summarize(yearColumn(columns, 'cash', horizon, horizon - 1, trials)),
    fundValueAtHorizon: summarize(fundValueAtHorizon),
    publicGains: {
      nominal: actorSummaries(columns, ones, trials),
      npv: actorSummaries(columns, params.discountFactors, trials),
    },
    probabilityFundValueBelowCapital: {
      probability,
      standardError: Math.sqrt((probability * (1 - probability)) / trials),
    },
  };
}
