/**
 * Monte Carlo machinery: reproducible streams, distributions, cohort draws, statistics and the
 * (multi-threaded) block runner. Pure TypeScript except `runner.ts`/`worker.ts`, which start
 * worker threads and measure timings.
 */
export { TRIALS_PER_BLOCK, Xor128Stream, blockStream, blockStreamKey, blockCount } from './rng';
export type { SimulationSeed } from './rng';
export {
  betaFromEffectiveSampleSize,
  betaFromMeanAndInterval90,
  rateDistribution,
} from './beta-fit';
export type { BetaParameters, RateDistribution, UncertainRate } from './beta-fit';
export { BinomialSite, FixedRateBinomial, binomialProbability, sampleBinomial } from './binomial';
export {
  BetaSampler,
  CategoricalSampler,
  GammaSampler,
  LognormalFactorSampler,
  MultinomialSplitter,
  RateSampler,
} from './distributions';
export { CohortSimulator, createCohortTrialBuffers } from './cohort';
export type { CohortDrawSpec, CohortTrialBuffers, DrawnParameters } from './cohort';
export { PerParticipantCohortSimulator } from './cohort-reference';
export {
  DEFAULT_HISTOGRAM_BINS,
  SUMMARY_PROBABILITIES,
  fanChart,
  histogram,
  mean,
  probabilityBelow,
  quantile,
  quantiles,
  standardDeviation,
  summarize,
} from './statistics';
export type { FanChartBand, Histogram, Quantiles, Summary } from './statistics';
export {
  chiSquareGoodnessOfFit,
  chiSquareHomogeneity,
  countOccurrences,
  kolmogorovSmirnovDistance,
  KOLMOGOROV_CRITICAL_VALUE_0_1_PERCENT,
} from './goodness-of-fit';
export type { ChiSquareResult } from './goodness-of-fit';
export { allocateColumns, getBlockTask, registerBlockTask } from './block-task';
export type { BlockColumns, BlockRange, BlockTaskDefinition, OutputColumn } from './block-task';
export { runTrials, SimulationCancelledError } from './runner';
export type { RunProgress, RunTimings, RunTrialsOptions, RunTrialsResult } from './runner';
export {
  COHORT_COUNTS_TASK,
  COHORT_PARAMETER_COLUMNS,
  COHORT_YEARLY_COLUMNS,
} from './cohort-block';
export {
  simulateContract,
  contractTaskInputs,
  runPrecision,
  FULL_RECORD_TRIALS,
  FAN_CHART_TRIALS,
} from './contract-simulation';
export type {
  ContractSimulationInput,
  ContractSimulationResult,
  ContractUncertainty,
  ContractMonteCarlo,
  SimulationSettings,
  RateUncertainty,
} from './contract-simulation';
export { contractSimulationToJson } from './contract-result-json';
export type { ContractSimulationJson } from './contract-result-json';
export { contractTrialTable } from './contract-per-trial';
export type { ContractTrialTable } from './contract-per-trial';
export { CONTRACT_TRIALS_TASK } from './contract-task';
export { QUANTILE_DEFINITION } from './contract-summary';
export type { SensitivityResult, SensitivityEntry } from './sensitivity';
