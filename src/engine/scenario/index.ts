/**
 * Runs a resolved scenario (contract or fund) to its result JSON: the one entry point shared by
 * `dsi simulate`, `POST /simulations` and the benchmark. Pure apart from the worker threads the
 * simulation runner may start.
 */
import type { FundInput } from '../fund';
import {
  contractSimulationToJson,
  simulateContract,
  type ContractSimulationInput,
} from '../simulation';
import type { ScenarioRunSettings } from './settings';

export type { ScenarioRunSettings } from './settings';

export type RunnableScenario =
  | { kind: 'contract'; input: ContractSimulationInput }
  | { kind: 'fund'; fund: FundInput };

export async function runScenario(scenario: RunnableScenario, settings: ScenarioRunSettings) {
  if (scenario.kind === 'fund') {
    // Loaded here only: a contract run need not pay for loading the fund engine.
    const { runFundScenario } = await import('./fund-result-json');
    return runFundScenario(scenario.fund, settings);
  }
  const result = await simulateContract(scenario.input, {
    trials: settings.trials,
    seed: settings.seed,
    workers: settings.workers,
    signal: settings.signal,
    onProgress: settings.onProgress,
  });
  const json = contractSimulationToJson(result);
  return { ...json, meta: { ...json.meta, kind: 'contract', version: settings.version } };
}

export type ScenarioResultJson = Awaited<ReturnType<typeof runScenario>>;
