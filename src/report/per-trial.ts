import {
  FUND_TRIALS_TASK,
  fundSimulationParams,
  type FundInput,
  type FundYearlyColumn,
} from '../engine/fund';
import type { Contract } from '../engine/contract';
import { runTrials, summarize, type Summary } from '../engine/simulation';
import { contractTrialTable } from '../engine/simulation/contract-per-trial';
import type { ContractUncertainty } from '../engine/simulation/contract-simulation';
import { SCALAR_OUTPUTS, type ScalarOutput } from '../engine/simulation/contract-task';
import { BREAK_EVEN_NEVER, MONTE_CARLO_ACTORS } from '../engine/simulation/contract-trial';
import type { GainProfile } from '../engine/som';
import type { CellFormat, ReportLanguage } from './types';

/**
 * The per-trial summary a workbook offers for the user's own pivot tables, regenerated from the
 * run's seed: trials draw from streams keyed by (seed, block) only, so the same inputs, seed and
 * trial count give the same trials bit for bit, whatever the worker count. A regenerated table
 * is accepted only if its summaries equal the stored result's, so it can never describe a
 * different run. Floats, like the Monte Carlo itself.
 */

/** The most trials a workbook lists (the limit; Excel holds 1,048,576 rows a sheet). */
export const MAX_TRIALS_IN_WORKBOOK = 100_000;

export interface PerTrialColumn {
  key: string;
  labels: Record<ReportLanguage, string>;
  format: CellFormat;
  values: Float64Array;
}

export interface PerTrialTable {
  trials: number;
  columns: PerTrialColumn[];
}

const FUND_LABELS = {
  da: {
    capitalDeployed: 'Kapital investeret',
    repaymentsReceived: 'Tilbagebetalinger',
    partnerships: 'Partnerskaber',
    peopleHelped: 'Personer hjulpet',
    peopleEmployed: 'Personer i beskæftigelse',
    additionalSuccesses: 'Ekstra succeser',
    cashAtHorizon: 'Kontanter ved slut',
    fundValueAtHorizon: 'Fondens værdi ved slut',
    fundMultiple: 'Fondens værdi / indskudt kapital',
    gainsKommune: 'SØM-gevinst kommune',
    gainsRegion: 'SØM-gevinst region',
    gainsStat: 'SØM-gevinst stat',
  },
  en: {
    capitalDeployed: 'Capital deployed',
    repaymentsReceived: 'Repayments received',
    partnerships: 'Partnerships',
    peopleHelped: 'People helped',
    peopleEmployed: 'People employed',
    additionalSuccesses: 'Additional successes',
    cashAtHorizon: 'Cash at the end',
    fundValueAtHorizon: 'Fund value at the end',
    fundMultiple: 'Fund value / capital injected',
    gainsKommune: 'SØM gain kommune',
    gainsRegion: 'SØM gain region',
    gainsStat: 'SØM gain stat',
  },
};

/** Per trial Σ over the years of a [trials × years] column. */
function trialSums(matrix: Float64Array, trials: number, years: number): Float64Array {
  const sums = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) {
    let sum = 0;
    for (let year = 0; year < years; year++) sum += matrix[trial * years + year];
    sums[trial] = sum;
  }
  return sums;
}

/** Per trial the value of the last year. */
function lastYear(matrix: Float64Array, trials: number, years: number): Float64Array {
  const values = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) values[trial] = matrix[trial * years + years - 1];
  return values;
}

interface StoredFundSummaries {
  fundValueAtHorizon: Summary;
  peopleHelped: Summary;
}

/** True when two summaries of the same sample agree exactly (same floats from the same trials). */
function sameSummary(a: Summary, b: Summary): boolean {
  return (
    a.count === b.count && a.mean === b.mean && a.p5 === b.p5 && a.p50 === b.p50 && a.p95 === b.p95
  );
}

/**
 * The fund's trials regenerated from its inputs and seed; null when the run has more trials than
 * a workbook lists or the regenerated summaries differ from `stored` (another software version).
 */
export async function fundPerTrial(
  fund: FundInput,
  settings: { trials: number; seed: string | number; workers?: number },
  stored: StoredFundSummaries,
): Promise<PerTrialTable | null> {
  if (settings.trials > MAX_TRIALS_IN_WORKBOOK) return null;
  const params = fundSimulationParams(fund);
  const run = await runTrials({
    task: FUND_TRIALS_TASK.name,
    params,
    trials: settings.trials,
    seed: settings.seed,
    workers: settings.workers,
  });
  const years = params.horizonYears;
  const trials = run.trials;
  const column = (name: FundYearlyColumn) => run.columns[name];
  const sum = (name: FundYearlyColumn) => trialSums(column(name), trials, years);
  const fundValue = lastYear(column('fundValue'), trials, years);
  const peopleHelped = sum('peopleHelped');
  if (
    !sameSummary(summarize(fundValue), stored.fundValueAtHorizon) ||
    !sameSummary(summarize(peopleHelped), stored.peopleHelped)
  ) {
    return null;
  }
  const multiple = fundValue.map((value) => value / params.totalInjections);
  const labels = (key: keyof (typeof FUND_LABELS)['da']) => ({
    da: FUND_LABELS.da[key],
    en: FUND_LABELS.en[key],
  });
  const columns: PerTrialColumn[] = [
    {
      key: 'capitalDeployed',
      labels: labels('capitalDeployed'),
      format: 'wholeKroner',
      values: sum('capitalDeployed'),
    },
    {
      key: 'repaymentsReceived',
      labels: labels('repaymentsReceived'),
      format: 'wholeKroner',
      values: sum('repaymentsReceived'),
    },
    {
      key: 'partnerships',
      labels: labels('partnerships'),
      format: 'integer',
      values: sum('partnerships'),
    },
    { key: 'peopleHelped', labels: labels('peopleHelped'), format: 'count', values: peopleHelped },
    {
      key: 'peopleEmployed',
      labels: labels('peopleEmployed'),
      format: 'count',
      values: sum('peopleEmployed'),
    },
    {
      key: 'additionalSuccesses',
      labels: labels('additionalSuccesses'),
      format: 'count',
      values: sum('additionalSuccesses'),
    },
    {
      key: 'cashAtHorizon',
      labels: labels('cashAtHorizon'),
      format: 'wholeKroner',
      values: lastYear(column('cash'), trials, years),
    },
    {
      key: 'fundValueAtHorizon',
      labels: labels('fundValueAtHorizon'),
      format: 'wholeKroner',
      values: fundValue,
    },
    { key: 'fundMultiple', labels: labels('fundMultiple'), format: 'multiple', values: multiple },
    {
      key: 'gainsKommune',
      labels: labels('gainsKommune'),
      format: 'wholeKroner',
      values: sum('gainsKommune'),
    },
    {
      key: 'gainsRegion',
      labels: labels('gainsRegion'),
      format: 'wholeKroner',
      values: sum('gainsRegion'),
    },
    {
      key: 'gainsStat',
      labels: labels('gainsStat'),
      format: 'wholeKroner',
      values: sum('gainsStat'),
    },
  ];
  return { trials, columns };
}

const CONTRACT_LABELS = {
  da: {
    netKommune: 'Netto kommune',
    netRegion: 'Netto region',
    netStat: 'Netto stat',
    netInvestor: 'Netto investor',
    netProvider: 'Netto leverandør',
    netPublic: 'Netto offentlig i alt',
    somGainsPublic: 'SØM-gevinst offentlig i alt',
    outcomePayments: 'Resultatbetalinger',
    investorMultiple: 'Investorens pengemultipel',
    investorIrr: 'Investorens interne rente',
    additionalSuccesses: 'Ekstra succeser',
    somGainsKommune: 'SØM-gevinst kommune',
    somGainsRegion: 'SØM-gevinst region',
    somGainsStat: 'SØM-gevinst stat',
    breakEven: (actor: string) => `Break-even kontraktår ${actor} (tom = aldrig)`,
  },
  en: {
    netKommune: 'Net kommune',
    netRegion: 'Net region',
    netStat: 'Net stat',
    netInvestor: 'Net investor',
    netProvider: 'Net provider',
    netPublic: 'Net public sector',
    somGainsPublic: 'SØM gain public sector',
    outcomePayments: 'Outcome payments',
    investorMultiple: "Investor's money multiple",
    investorIrr: "Investor's internal rate of return",
    additionalSuccesses: 'Additional successes',
    somGainsKommune: 'SØM gain kommune',
    somGainsRegion: 'SØM gain region',
    somGainsStat: 'SØM gain stat',
    breakEven: (actor: string) => `Break-even contract year ${actor} (empty = never)`,
  },
};

const SCALAR_FORMATS: Partial<Record<ScalarOutput, CellFormat>> = {
  investorMultiple: 'multiple',
  investorIrr: 'percent',
  additionalSuccesses: 'count',
};

/** The result JSON's rounding of Monte Carlo money (contract-result-json.ts: 2 decimals, no -0). */
function asStored(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

/** Stored (rounded) summaries of the nets at the horizon, to check a regeneration against. */
export interface StoredContractSummaries {
  kommune: { mean: number | null; p50: number | null } | null;
}

const MONEY_DECIMALS = 2;

/**
 * The contract's trials regenerated from its inputs and seed by the engine's `contractTrialTable`
 * (the scalars a full run records and the break-even years), checked against the stored summary.
 */
export async function contractPerTrial(
  input: { contract: Contract; gains: GainProfile; uncertainty: ContractUncertainty },
  settings: { trials: number; seed: string | number; workers?: number },
  stored: StoredContractSummaries,
): Promise<PerTrialTable | null> {
  if (settings.trials > MAX_TRIALS_IN_WORKBOOK || stored.kommune === null) return null;
  const table = await contractTrialTable(input, settings);
  const netKommune = table.scalars.netKommune;
  if (!netKommune) return null;
  const kommune = summarize(netKommune);
  if (
    asStored(kommune.mean, MONEY_DECIMALS) !== stored.kommune.mean ||
    asStored(kommune.p50, MONEY_DECIMALS) !== stored.kommune.p50
  ) {
    return null;
  }
  const columns: PerTrialColumn[] = [];
  for (const name of SCALAR_OUTPUTS) {
    const values = table.scalars[name];
    if (!values) continue;
    columns.push({
      key: name,
      labels: { da: CONTRACT_LABELS.da[name], en: CONTRACT_LABELS.en[name] },
      format: SCALAR_FORMATS[name] ?? 'wholeKroner',
      values,
    });
  }
  for (const actor of MONTE_CARLO_ACTORS) {
    const codes = table.breakEvenYear[actor];
    if (!codes) continue;
    columns.push({
      key: `breakEven_${actor}`,
      labels: { da: CONTRACT_LABELS.da.breakEven(actor), en: CONTRACT_LABELS.en.breakEven(actor) },
      format: 'integer',
      // Contract years; 0 = never breaks even, left empty in the sheet.
      values: codes.map((code) => (code === BREAK_EVEN_NEVER ? NaN : code)),
    });
  }
  return { trials: table.trials, columns };
}
