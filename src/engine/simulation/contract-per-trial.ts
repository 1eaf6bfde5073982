import {
  contractTaskInputs,
  runPrecision,
  type ContractSimulationInput,
  type SimulationSettings,
} from './contract-simulation';
import { fullRunScalars } from './contract-summary';
import {
  CONTRACT_TRIALS_TASK,
  readBreakEven,
  readScalar,
  type ContractTaskOutputs,
  type ContractTaskParams,
  type ScalarOutput,
} from './contract-task';
import {
  BREAK_EVEN_NOT_APPLICABLE,
  MONTE_CARLO_ACTORS,
  type MonteCarloActor,
} from './contract-trial';
import { runTrials } from './runner';

/**
 * A contract run's trials one by one (for a workbook's per-trial sheet), regenerated from its
 * inputs and seed: the same trials, bit for bit, as `simulateContract` with the same input, seed
 * and number of trials, since trials draw from streams keyed by (seed, block) only and the
 * values are recorded at the same precision.
 */
export interface ContractTrialTable {
  trials: number;
  /** The scalars a full run records (`fullRunScalars`: investor outputs only with capital). */
  scalars: Partial<Record<ScalarOutput, Float64Array>>;
  /** Per actor: the break-even contract year of each trial, 0 when it never breaks even; null when the actor takes no part. */
  breakEvenYear: Record<MonteCarloActor, Float64Array | null>;
}

export async function contractTrialTable(
  input: Pick<ContractSimulationInput, 'contract' | 'gains' | 'uncertainty'>,
  settings: Pick<SimulationSettings, 'trials' | 'seed' | 'workers' | 'signal'>,
): Promise<ContractTrialTable> {
  const base = contractTaskInputs(input);
  const trials = settings.trials;
  const outputs: ContractTaskOutputs = {
    scalars: fullRunScalars(base.contract.capital !== undefined),
    breakEven: true,
    cumulativeNetTrials: 0,
    precision: runPrecision(trials),
  };
  const params: ContractTaskParams = { ...base, outputs };
  const run = await runTrials({
    task: CONTRACT_TRIALS_TASK.name,
    params,
    trials,
    seed: settings.seed,
    workers: settings.workers,
    signal: settings.signal,
  });
  const scalars: ContractTrialTable['scalars'] = {};
  for (const name of outputs.scalars)
    scalars[name] = readScalar(run.columns, outputs, name, trials);
  const breakEvenYear = {} as ContractTrialTable['breakEvenYear'];
  MONTE_CARLO_ACTORS.forEach((actor, index) => {
    const codes = readBreakEven(run.columns, outputs, index, trials);
    breakEvenYear[actor] = codes[0] === BREAK_EVEN_NOT_APPLICABLE ? null : codes;
  });
  return { trials, scalars, breakEvenYear };
}
