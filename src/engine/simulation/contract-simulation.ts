import {
  compileContractDecimal,
  projectContract,
  type Contract,
  type ContractProjection,
} from '../contract';
import { InvalidInputError } from '../shared/errors';
import type { GainProfile } from '../som/types';
import type { RateDistribution } from './beta-fit';
import {
  contractRateDistributions,
  RATE_NAMES,
  type OutcomeSamplerOptions,
  type RateName,
  type RateUncertainty,
} from './contract-outcome-sampler';
import {
  fullRunScalars,
  QUANTILE_DEFINITION,
  summarizeBreakEven,
  summarizeFanCharts,
  summarizeScalars,
  type BreakEvenDistribution,
  type ContractOutputSummaries,
  type ContractProbabilities,
  type FanChartYear,
} from './contract-summary';
import {
  CONTRACT_TRIALS_TASK,
  plainGainProfile,
  type ContractTaskOutputs,
  type ContractTaskParams,
} from './contract-task';
import type { MonteCarloActor } from './contract-trial';
import type { SimulationSeed } from './rng';
import { runTrials } from './runner';
import {
  contractSensitivity,
  DEFAULT_SENSITIVITY_VARIATION,
  type SensitivityResult,
} from './sensitivity';

/**
 * The contract Monte Carlo (issue 5): N seeded trials of a contract's outcomes through the
 * contract engine's cash flows, summarised per output, per year (fan charts), per actor
 * (break-even years) and as probabilities, plus one-at-a-time sensitivity (tornado) data.
 *
 * Memory: a run keeps per trial only what the summaries need. Up to FULL_RECORD_TRIALS trials
 * the values are recorded in float64, above it in float32 (see contract-task.ts). The fan
 * charts come from the run's first FAN_CHART_TRIALS trials (all of a smaller run), recorded in
 * the same pass: 6 actors × the horizon for every trial would be 288 MB at a million trials
 * and 6 years, and their summaries the largest cost of a run, while 65,536 trials pin the
 * p5 … p95 bands to a few tenths of a percent of their spread. The JSON says how many trials
 * the fan charts used.
 */

export type { RateUncertainty };

/** Runs up to this many trials (128 blocks) record their values in float64, larger ones in float32. */
export const FULL_RECORD_TRIALS = 131_072;
/** Fan charts summarise at most this many trials (64 blocks), a run's first. */
export const FAN_CHART_TRIALS = 65_536;

export interface ContractUncertainty {
  grossSuccessRate?: RateUncertainty;
  deadweightRate?: RateUncertainty;
  dropoutRate?: RateUncertainty;
  /** A mean-one lognormal factor on all SØM gains of a trial. */
  somGains?: { coefficientOfVariation: number };
  /**
   * Yearly relapse rate: replaces `intervention.relapseRate` for the run (the expected
   * projection included). The contract engine applies relapse as an expected survival weight
   * on the SØM gains, so it moves the gains but is not drawn per person.
   */
  relapseRate?: number;
  /** Draw the counts binomially (default true); false: expected counts at each trial's rates. */
  cohortSampling?: boolean;
}

export interface ContractSimulationInput {
  /** Already merged with scenario overrides and validated. */
  contract: Contract;
  /** gainProfile(kb, successMeasureId, { priceYear, years: horizonYears }). */
  gains: GainProfile;
  uncertainty?: ContractUncertainty;
  /** Target IRR for P(investor reaches its target return). */
  investorTargetReturn?: number;
  /** Tornado settings; false skips the sensitivity analysis. */
  sensitivity?: { variation?: number } | false;
}

export interface SimulationSettings {
  trials: number;
  seed: SimulationSeed;
  /** Default 1; more use piscina worker threads (compiled JavaScript only). */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The product version, copied to meta.version. */
  version?: string;
  /** Tests only: blocks per unit of work, a compiled worker entry point and task module (see runner.ts); none changes a result. */
  blocksPerBatch?: number;
  workerFile?: string;
  taskModulePath?: string;
  /** Tests only: start the main run's worker threads sooner than they pay off (see runner.ts). */
  threadsPayOffMs?: number;
  /** Tests only: FULL_RECORD_TRIALS and FAN_CHART_TRIALS (whole blocks), to reach the large-run paths cheaply. */
  recordLimits?: { fullRecordTrials: number; fanChartTrials: number };
}

export interface ContractMonteCarlo {
  trials: number;
  quantileDefinition: string;
  /** What each rate was drawn from per trial. */
  rateDistributions: Record<RateName, RateDistribution>;
  somGainsCoefficientOfVariation: number;
  cohortSampling: boolean;
  outputs: ContractOutputSummaries;
  fanChart: { trials: number; byActor: Record<MonteCarloActor, FanChartYear[] | null> };
  breakEven: Record<MonteCarloActor, BreakEvenDistribution | null>;
  probabilities: ContractProbabilities;
}

export interface ContractSimulationTimings {
  projectionMs: number;
  simulateMs: number;
  summarizeMs: number;
  sensitivityMs: number;
  totalMs: number;
  workersUsed: number;
}

export interface ContractSimulationResult {
  inputs: {
    contract: Contract;
    uncertainty: ContractUncertainty;
    investorTargetReturn: number | null;
    sensitivity: { variation: number } | false;
    seed: SimulationSeed;
    trials: number;
  };
  expected: ContractProjection;
  monteCarlo: ContractMonteCarlo;
  sensitivity: SensitivityResult | null;
  meta: {
    seed: SimulationSeed;
    trials: number;
    version: string | null;
    /** The only part that differs between runs of the same input and seed. */
    timings: ContractSimulationTimings;
  };
}

type Violation = { path: string; message: string };

function checkInput(input: ContractSimulationInput, settings: SimulationSettings): Violation[] {
  const violations: Violation[] = [];
  const fail = (path: string, message: string) => violations.push({ path, message });
  const { trials, workers } = settings;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) {
    fail('trials', `must be a whole number >= 1, got ${JSON.stringify(trials)}`);
  }
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    fail('workers', `must be a whole number >= 1, got ${JSON.stringify(workers)}`);
  }
  const uncertainty = input.uncertainty ?? {};
  const cv = uncertainty.somGains?.coefficientOfVariation;
  if (uncertainty.somGains && !(typeof cv === 'number' && cv >= 0 && Number.isFinite(cv))) {
    fail(
      'uncertainty.somGains.coefficientOfVariation',
      `must be a number >= 0, got ${JSON.stringify(cv)}`,
    );
  }
  const relapse = uncertainty.relapseRate;
  if (relapse !== undefined && !(relapse >= 0 && relapse <= 1)) {
    fail('uncertainty.relapseRate', `must be a rate in [0, 1], got ${JSON.stringify(relapse)}`);
  }
  const target = input.investorTargetReturn;
  if (
    target !== undefined &&
    !(typeof target === 'number' && target > -1 && Number.isFinite(target))
  ) {
    fail('investorTargetReturn', `must be a yearly rate above -1, got ${JSON.stringify(target)}`);
  }
  const sensitivity = input.sensitivity;
  if (sensitivity) {
    const v = sensitivity.variation;
    if (v !== undefined && !(v > 0 && v <= 1)) {
      fail('sensitivity.variation', `must lie in (0, 1], got ${JSON.stringify(v)}`);
    }
  }
  return violations;
}

/** The contract the run simulates: the uncertainty's relapse rate replaces the contract's. */
function simulatedContract(contract: Contract, uncertainty: ContractUncertainty): Contract {
  if (uncertainty.relapseRate === undefined) return contract;
  return {
    ...contract,
    intervention: { ...contract.intervention, relapseRate: uncertainty.relapseRate },
  };
}

function samplerOptions(
  contract: Contract,
  uncertainty: ContractUncertainty,
): OutcomeSamplerOptions {
  return {
    rates: contractRateDistributions(contract, uncertainty),
    somGainsCoefficientOfVariation: uncertainty.somGains?.coefficientOfVariation ?? 0,
    cohortSampling: uncertainty.cohortSampling ?? true,
  };
}

/** The contract, gains and sampler settings of a run's block task, as `simulateContract` builds them. */
export function contractTaskInputs(
  input: Pick<ContractSimulationInput, 'contract' | 'gains' | 'uncertainty'>,
): Omit<ContractTaskParams, 'outputs'> {
  const uncertainty = input.uncertainty ?? {};
  const contract = simulatedContract(input.contract, uncertainty);
  return {
    contract,
    gains: plainGainProfile(input.gains),
    sampler: samplerOptions(contract, uncertainty),
  };
}

/** `contractTaskInputs`, a rate uncertainty that cannot be fitted reported as an InvalidInputError. */
function fittedTaskInputs(input: ContractSimulationInput): ReturnType<typeof contractTaskInputs> {
  try {
    return contractTaskInputs(input);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const name = RATE_NAMES.find((rate) => error.message.startsWith(`uncertainty.${rate}`));
    throw new InvalidInputError([
      {
        path: name ? `uncertainty.${name}` : 'uncertainty',
        message: error.message.replace(/^uncertainty\.\w+:? /, ''),
      },
    ]);
  }
}

/** Float32 above FULL_RECORD_TRIALS (see the file comment), so memory stays bounded. */
export function runPrecision(trials: number): 32 | 64 {
  return trials > FULL_RECORD_TRIALS ? 32 : 64;
}

/** Runs the contract Monte Carlo, its summaries and the sensitivity sweeps. */
export async function simulateContract(
  input: ContractSimulationInput,
  settings: SimulationSettings,
): Promise<ContractSimulationResult> {
  const started = performance.now();
  const violations = checkInput(input, settings);
  if (violations.length > 0) throw new InvalidInputError(violations);
  const uncertainty = input.uncertainty ?? {};
  const { contract, gains: plainGains, sampler } = fittedTaskInputs(input);
  const { trials, seed } = settings;
  // The projection's checks (InvalidInputError listing every violation) before any trial; the
  // projection itself runs last (see below).
  const compiledDecimal = compileContractDecimal(contract, input.gains);
  const checked = performance.now();

  const hasCapital = contract.capital !== undefined;
  const sensitivitySettings =
    input.sensitivity === false
      ? false
      : { variation: input.sensitivity?.variation ?? DEFAULT_SENSITIVITY_VARIATION };
  const limits = settings.recordLimits ?? {
    fullRecordTrials: FULL_RECORD_TRIALS,
    fanChartTrials: FAN_CHART_TRIALS,
  };
  const fanTrials = Math.min(trials, limits.fanChartTrials);
  const outputs: ContractTaskOutputs = {
    scalars: fullRunScalars(hasCapital),
    breakEven: true,
    cumulativeNetTrials: fanTrials,
    precision: trials > limits.fullRecordTrials ? 32 : 64,
  };
  const main = await runTrials({
    task: CONTRACT_TRIALS_TASK.name,
    params: { contract, gains: plainGains, sampler, outputs } satisfies ContractTaskParams,
    trials,
    seed,
    workers: settings.workers,
    signal: settings.signal,
    blocksPerBatch: settings.blocksPerBatch,
    workerFile: settings.workerFile,
    taskModulePath: settings.taskModulePath,
    threadsPayOffMs: settings.threadsPayOffMs,
    onProgress: ({ trialsDone }) => settings.onProgress?.(trialsDone, trials),
  });
  const simulated = performance.now();

  const scalars = summarizeScalars(main.columns, outputs, trials, {
    hasCapital,
    investorTargetReturn: input.investorTargetReturn ?? null,
  });
  const breakEven = summarizeBreakEven(main.columns, outputs, trials, contract.horizonYears);
  const shape = { startYear: contract.startYear, horizonYears: contract.horizonYears, hasCapital };
  const fanChart = summarizeFanCharts(main.columns, outputs, fanTrials, shape);
  const summarized = performance.now();
  const sensitivity = sensitivitySettings
    ? contractSensitivity(contract, input.gains, sensitivitySettings.variation)
    : null;
  const swept = performance.now();
  const monteCarlo: ContractMonteCarlo = {
    trials,
    quantileDefinition: QUANTILE_DEFINITION,
    rateDistributions: sampler.rates as Record<RateName, RateDistribution>,
    somGainsCoefficientOfVariation: sampler.somGainsCoefficientOfVariation ?? 0,
    cohortSampling: sampler.cohortSampling ?? true,
    outputs: scalars.outputs,
    fanChart: { trials: fanTrials, byActor: fanChart },
    breakEven,
    probabilities: scalars.probabilities,
  };
  // The exact projection comes last: the cash-flow formula is generic over its arithmetic, and
  // running it on Decimals first would leave V8's type feedback for the float trials
  // polymorphic (calls through `Arith` no longer inlined, every float boxed): about twice
  // the cost per cash-flow evaluation. The order changes no result.
  const expected = projectContract(contract, input.gains, { compiled: compiledDecimal });
  const finished = performance.now();

  return {
    inputs: {
      contract: input.contract,
      uncertainty,
      investorTargetReturn: input.investorTargetReturn ?? null,
      sensitivity: sensitivitySettings,
      seed,
      trials,
    },
    expected,
    monteCarlo,
    sensitivity,
    meta: {
      seed,
      trials,
      version: settings.version ?? null,
      timings: {
        projectionMs: checked - started + (finished - swept),
        simulateMs: simulated - checked,
        summarizeMs: summarized - simulated,
        sensitivityMs: swept - summarized,
        totalMs: finished - started,
        workersUsed: main.workersUsed,
      },
    },
  };
}
