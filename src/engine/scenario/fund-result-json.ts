import {
  fundProjectionToJson,
  projectFund,
  simulateFundTrials,
  type FundInput,
  type FundSimulationResult,
} from '../fund';
import { QUANTILE_DEFINITION, type RunProgress } from '../simulation';
import type { ScenarioRunSettings } from './settings';

/** The fund outputs that get Monte Carlo bands, by the name used in the JSON. */
const FUND_BANDED_TOTALS = {
  totalInvested: 'capitalDeployed',
  repaymentsReceived: 'repaymentsReceived',
  peopleHelped: 'peopleHelped',
  peopleEmployed: 'peopleEmployed',
  partnerships: 'partnerships',
  partnerKommuner: 'partnerKommuner',
  participantsStarted: 'participantsStarted',
  additionalSuccesses: 'additionalSuccesses',
} as const;

function fundMonteCarloJson(result: FundSimulationResult) {
  const totals = Object.fromEntries(
    Object.entries(FUND_BANDED_TOTALS).map(([name, column]) => [name, result.totals[column]]),
  );
  const byYear = result.years.map((year, index) => ({
    year,
    ...Object.fromEntries(
      Object.entries(result.byYear).map(([column, summaries]) => [column, summaries[index]]),
    ),
  }));
  return {
    trials: result.trials,
    quantileDefinition: QUANTILE_DEFINITION,
    ...totals,
    cashAtHorizon: result.cashAtHorizon,
    fundValueAtHorizon: result.fundValueAtHorizon,
    publicGains: result.publicGains,
    probabilityFundValueBelowCapital: result.probabilityFundValueBelowCapital,
    byYear,
  };
}

/** A fund scenario: the deterministic projection and, with trials, its Monte Carlo bands. */
export async function runFundScenario(fund: FundInput, settings: ScenarioRunSettings) {
  const expected = fundProjectionToJson(projectFund(fund));
  const started = performance.now();
  const simulation = await simulateFundTrials(fund, {
    trials: settings.trials,
    seed: settings.seed,
    workers: settings.workers,
    signal: settings.signal,
    onProgress: settings.onProgress
      ? (p: RunProgress) => settings.onProgress?.(p.trialsDone, p.trials)
      : undefined,
  });
  return {
    inputs: { fund, settings: { trials: settings.trials, seed: settings.seed } },
    expected,
    monteCarlo: fundMonteCarloJson(simulation),
    meta: {
      kind: 'fund',
      seed: settings.seed,
      trials: settings.trials,
      version: settings.version,
      timings: { ...simulation.timings, wallMs: performance.now() - started },
    },
  };
}
