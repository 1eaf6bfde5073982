import { projectContract, type Contract } from '../contract';
import {
  betaFromMeanAndInterval90,
  simulateContract,
  type ContractSimulationInput,
  type ContractSimulationResult,
  type ContractUncertainty,
  type SimulationSeed,
} from '../simulation';
import { PUBLIC_ACTORS } from '../shared/actors';
import type { GainProfile } from '../som/types';
import { metricsFromProjection } from './metrics';
import {
  NEGOTIATING_ACTORS,
  type ActorMetrics,
  type CandidateMetrics,
  type EvaluationMethod,
} from './types';

/** The rates a scenario's uncertainty may put a 90% interval on (ContractUncertainty). */
const UNCERTAIN_RATES = ['grossSuccessRate', 'deadweightRate', 'dropoutRate'] as const;

/** Turns a candidate contract into the figures the conditions are judged on. */
export interface ContractEvaluator {
  method: EvaluationMethod;
  evaluate(contract: Contract, signal?: AbortSignal): Promise<CandidateMetrics>;
}

/** Judges each candidate by the exact deterministic projection (no uncertainty at all). */
export function deterministicEvaluator(gains: GainProfile): ContractEvaluator {
  return {
    method: { kind: 'deterministic', trials: null, seed: null },
    evaluate: (contract) =>
      Promise.resolve(metricsFromProjection(projectContract(contract, gains))),
  };
}

/**
 * The Monte Carlo's summaries as the conditions read them: P(net < 0) of the public levels, the
 * mean net at the horizon, the median (p50) of the cumulative net by year, the mean IRR over the
 * trials that have one (−100% for a trial that gets nothing back) and P(multiple < 1).
 */
export function metricsFromSimulation(result: ContractSimulationResult): CandidateMetrics {
  const { monteCarlo, expected } = result;
  const years = expected.horizonYears;
  const actors = Object.fromEntries(
    NEGOTIATING_ACTORS.map((actor): [string, ActorMetrics] => {
      const isLevel = (PUBLIC_ACTORS as readonly string[]).includes(actor);
      const fan = monteCarlo.fanChart.byActor[actor];
      return [
        actor,
        {
          netNegativeProbability: isLevel
            ? monteCarlo.probabilities.netNegativeAtHorizon[actor as (typeof PUBLIC_ACTORS)[number]]
            : null,
          expectedNet: monteCarlo.outputs.netAtHorizon[actor]?.mean ?? 0,
          medianCumulativeNet: fan ? fan.map((year) => year.p50) : new Array<number>(years).fill(0),
        },
      ];
    }),
  ) as CandidateMetrics['actors'];
  const irr = monteCarlo.outputs.investorIrr;
  return {
    startYear: expected.startYear,
    horizonYears: years,
    actors,
    investor: expected.investor
      ? {
          expectedIrr: irr && irr.count > 0 ? irr.mean : null,
          lossProbability: monteCarlo.probabilities.investorLoss ?? 1,
        }
      : null,
  };
}

/**
 * Judges each candidate by a seeded Monte Carlo. Every candidate runs with the same seed and
 * trial count, so each trial draws the same participants' histories (rates, dropouts, successes,
 * gain factor) whatever the lever: common random numbers. The draws do not depend on the levers
 * (prices, caps, sharing and capital terms only change what is paid for the same outcomes), so
 * the difference between two candidates is the lever's effect alone, not sampling noise.
 * Sensitivity sweeps are skipped.
 */
export function monteCarloEvaluator(
  base: Omit<ContractSimulationInput, 'contract' | 'sensitivity'>,
  settings: { trials: number; seed: SimulationSeed; workers?: number },
): ContractEvaluator {
  const fitted = new Map<string, ContractUncertainty>();
  return {
    method: { kind: 'monteCarlo', trials: settings.trials, seed: String(settings.seed) },
    evaluate: async (contract, signal) => {
      // The levers never move the rates, so one fit serves every candidate.
      const key = UNCERTAIN_RATES.map((name) => contract.intervention[name]).join('/');
      let uncertainty = fitted.get(key);
      if (!uncertainty) {
        uncertainty = prefitIntervals(contract, base.uncertainty ?? {});
        fitted.set(key, uncertainty);
      }
      const result = await simulateContract(
        { ...base, uncertainty, contract, sensitivity: false },
        { trials: settings.trials, seed: settings.seed, workers: settings.workers, signal },
      );
      return metricsFromSimulation(result);
    },
  };
}

/**
 * Replaces each rate's 90% interval by the effective sample size of the Beta fitted to it once
 * (α + β of betaFromMeanAndInterval90: the same Beta, mean × n and (1 − mean) × n). The fit is a
 * root search over the incomplete beta function (about 0.1 s); without this it would run again
 * for every candidate. An invalid interval is left as it is, for simulateContract to report.
 */
function prefitIntervals(
  contract: Contract,
  uncertainty: ContractUncertainty,
): ContractUncertainty {
  const result: ContractUncertainty = { ...uncertainty };
  for (const name of UNCERTAIN_RATES) {
    const interval = uncertainty[name]?.interval90;
    if (!interval) continue;
    try {
      const { alpha, beta } = betaFromMeanAndInterval90(
        contract.intervention[name],
        interval[0],
        interval[1],
      );
      result[name] = { effectiveSampleSize: alpha + beta };
    } catch {
      // simulateContract names the rate and the problem.
    }
  }
  return result;
}
