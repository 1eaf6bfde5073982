import {
  compileContract,
  contractCashflows,
  createCashflowWorkspace,
  expectedOutcomes,
  mapOutcomes,
  type CashflowWorkspace,
  type CompiledContract,
  type Contract,
  type OutcomesByYear,
} from '../contract';
import { floatArith } from '../shared/arith';
import type { GainProfile } from '../som/types';
import { rateDistribution, type RateDistribution } from './beta-fit';
import { RATE_NAMES, type OutcomeSamplerOptions, type RateName } from './contract-outcome-sampler';
import {
  CONTRACT_TRIALS_TASK,
  readScalar,
  withScales,
  type ContractTaskParams,
  type PlainGainProfile,
  type ScalarOutput,
} from './contract-task';
import { MONEY_TOLERANCE } from './contract-trial';
import { runTrials, type RunProgress } from './runner';
import type { SimulationSeed } from './rng';
import { mean } from './statistics';

/**
 * Tornado data: one-at-a-time sweeps of the parameters that drive a contract, each point a small
 * Monte Carlo with common random numbers (the same seed, so the same block streams, at every
 * point), and the switching value of each parameter, where a party's net at the horizon crosses
 * zero, from the deterministic cash flows.
 *
 * Parameters: the three rates (multiplied by 1 ± variation, clipped to the range the contract's
 * validation allows with the other rates at their values: d ≤ g, δ + g ≤ 1), all rate-card and
 * baseline prices together, and all SØM gains together (multipliers 1 ± variation). The
 * contract's terms stay as written while a rate moves (a baseline component's comparison rate
 * that defaults to the deadweight rate keeps the contract's deadweight): the sweep asks what
 * happens if reality differs from the plan, not what a different contract would do.
 * A swept rate that was uncertain keeps its fitted Beta concentration α + β (its effective
 * sample size) around the new mean.
 */

export const SENSITIVITY_PARAMETERS = [
  'grossSuccessRate',
  'deadweightRate',
  'dropoutRate',
  'pricePerOutcome',
  'somGains',
] as const;
export type SensitivityParameter = (typeof SENSITIVITY_PARAMETERS)[number];

/** ±20%: a conventional one-at-a-time range when the inputs carry no stated uncertainty. */
export const DEFAULT_SENSITIVITY_VARIATION = 0.2;
/** Trials per sweep point unless given (at most the run's trials): enough for a stable tornado. */
export const DEFAULT_SENSITIVITY_TRIALS = 2000;
/** Price and gain multipliers are searched for a switching value from 0 up to this. */
export const MAX_SEARCHED_MULTIPLIER = 10;
/** The switching-value search first evaluates this many equal intervals of the range … */
const SWITCH_GRID_INTERVALS = 16;
/** … then bisects the sign change nearest the contract's value to this share of the range. */
const SWITCH_RELATIVE_TOLERANCE = 1e-7;

export interface NetsAtHorizon {
  kommune: number;
  public: number;
  /** Null without capital. */
  investor: number | null;
}

export interface SweepPoint {
  value: number;
  /** Monte Carlo means of the net at the horizon. */
  meanNetAtHorizon: NetsAtHorizon;
}

export interface SensitivityEntry {
  parameter: SensitivityParameter;
  /** 'rate': the value is the rate; 'multiplier': the value multiplies the contract's prices or gains. */
  unit: 'rate' | 'multiplier';
  /** The range searched for switching values (for rates: what validation allows). */
  range: [number, number];
  low: SweepPoint;
  base: SweepPoint;
  high: SweepPoint;
  /** Where the deterministic net at the horizon crosses 0 (nearest the contract's value), or null. */
  switchingValue: { kommune: number | null; investor: number | null };
}

export interface SensitivityResult {
  variation: number;
  trialsPerPoint: number;
  parameters: SensitivityEntry[];
  skipped: { parameter: SensitivityParameter; reason: string }[];
}

export interface SensitivityBase {
  /** The contract as simulated. */
  contract: Contract;
  gains: GainProfile;
  plainGains: PlainGainProfile;
  sampler: OutcomeSamplerOptions;
}

export interface SensitivityRunSettings {
  variation: number;
  trialsPerPoint: number;
  seed: SimulationSeed;
  workers?: number;
  signal?: AbortSignal;
  /** Called with the trials done so far in the sweeps. */
  onTrials?: (trialsDone: number) => void;
  workerFile?: string;
  taskModulePath?: string;
}

/** One change from the contract as written: a rate's mean, or a price or gain multiplier. */
interface PointChange {
  rate?: { name: RateName; value: number };
  scales?: ContractTaskParams['scales'];
}

const clamp = (value: number, [low, high]: [number, number]) =>
  Math.min(high, Math.max(low, value));

/** The values a rate may take with the other rates at their contract values (validate.ts rules). */
export function rateRange(contract: Contract, name: RateName): [number, number] {
  const { grossSuccessRate: g, deadweightRate: d, dropoutRate: delta } = contract.intervention;
  switch (name) {
    case 'grossSuccessRate':
      return [d, 1 - delta];
    case 'deadweightRate':
      return [0, g];
    case 'dropoutRate':
      return [0, 1 - g];
  }
}

/**
 * Where f crosses 0 on [low, high]: f is evaluated on an equal grid; among the intervals whose
 * ends have opposite signs (|f| within half an øre counts as 0 and is skipped), the one nearest
 * `base` is bisected to SWITCH_RELATIVE_TOLERANCE of the range. Null when f keeps its sign.
 */
export function switchingValue(
  f: (x: number) => number,
  [low, high]: [number, number],
  base: number,
): number | null {
  if (!(high > low)) return null;
  const points: { x: number; value: number }[] = [];
  for (let i = 0; i <= SWITCH_GRID_INTERVALS; i++) {
    const x = i === SWITCH_GRID_INTERVALS ? high : low + ((high - low) * i) / SWITCH_GRID_INTERVALS;
    const value = f(x);
    if (Math.abs(value) > MONEY_TOLERANCE) points.push({ x, value });
  }
  let best: [number, number] | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (Math.sign(a.value) === Math.sign(b.value)) continue;
    const distance = Math.abs((a.x + b.x) / 2 - base);
    if (best === null || distance < Math.abs((best[0] + best[1]) / 2 - base)) best = [a.x, b.x];
  }
  if (best === null) return null;
  let [a, b] = best;
  const signAtA = Math.sign(f(a));
  const tolerance = (high - low) * SWITCH_RELATIVE_TOLERANCE;
  while (b - a > tolerance) {
    const middle = (a + b) / 2;
    if (Math.sign(f(middle)) === signAtA) a = middle;
    else b = middle;
  }
  return (a + b) / 2;
}

/** Σ values, left to right from 0. */
function total(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum = sum + values[i];
  return sum;
}

/** The deterministic cash flows (expected outcomes, floats) under one change; nets at the horizon. */
export class DeterministicNets {
  private readonly compiled: CompiledContract<number>;
  private readonly expected: OutcomesByYear<number>;
  /** One set of cash-flow arrays for every evaluation (a search makes hundreds). */
  private readonly workspace: CashflowWorkspace<number>;
  readonly hasCapital: boolean;

  constructor(
    private readonly contract: Contract,
    gains: GainProfile,
  ) {
    this.compiled = compileContract(contract, gains, floatArith);
    this.expected = mapOutcomes(expectedOutcomes(contract), (count) => count.toNumber());
    this.workspace = createCashflowWorkspace(this.compiled, floatArith);
    this.hasCapital = contract.capital !== undefined;
  }

  at(change: PointChange): { kommune: number; investor: number } {
    const compiled = change.scales ? withScales(this.compiled, change.scales) : this.compiled;
    const outcomes = change.rate
      ? mapOutcomes(
          expectedOutcomes({
            ...this.contract,
            intervention: { ...this.contract.intervention, [change.rate.name]: change.rate.value },
          }),
          (count) => count.toNumber(),
        )
      : this.expected;
    const flows = contractCashflows(compiled, outcomes, floatArith, this.workspace);
    return { kommune: total(flows.net.kommune), investor: total(flows.net.investor) };
  }
}

interface ParameterPlan {
  parameter: SensitivityParameter;
  unit: 'rate' | 'multiplier';
  range: [number, number];
  base: number;
  change: (value: number) => PointChange;
}

function parameterPlans(contract: Contract): {
  plans: ParameterPlan[];
  skipped: SensitivityResult['skipped'];
} {
  const plans: ParameterPlan[] = RATE_NAMES.map((name) => ({
    parameter: name,
    unit: 'rate',
    range: rateRange(contract, name),
    base: contract.intervention[name],
    change: (value) => ({ rate: { name, value } }),
  }));
  const skipped: SensitivityResult['skipped'] = [];
  const priced = (contract.paymentModel?.components ?? []).some(
    (component) => component.kind === 'rateCard' || component.kind === 'baselineAdjusted',
  );
  if (priced) {
    plans.push({
      parameter: 'pricePerOutcome',
      unit: 'multiplier',
      range: [0, MAX_SEARCHED_MULTIPLIER],
      base: 1,
      change: (value) => ({ scales: { price: value } }),
    });
  } else {
    skipped.push({
      parameter: 'pricePerOutcome',
      reason: 'the payment model has no rate-card or baseline-adjusted price',
    });
  }
  plans.push({
    parameter: 'somGains',
    unit: 'multiplier',
    range: [0, MAX_SEARCHED_MULTIPLIER],
    base: 1,
    change: (value) => ({ scales: { somGains: value } }),
  });
  return { plans, skipped };
}

/** The sampler options of a point: a swept rate keeps its fitted concentration around the new mean. */
function pointSampler(base: SensitivityBase, change: PointChange): OutcomeSamplerOptions {
  if (!change.rate) return base.sampler;
  const { name, value } = change.rate;
  const fitted = base.sampler.rates?.[name];
  const swept: RateDistribution =
    fitted?.kind === 'beta' && value > 0 && value < 1
      ? rateDistribution({ mean: value, effectiveSampleSize: fitted.alpha + fitted.beta }, name)
      : { kind: 'fixed', value };
  return { ...base.sampler, rates: { ...base.sampler.rates, [name]: swept } };
}

/** Runs the sweeps and the switching-value searches. */
export async function contractSensitivity(
  base: SensitivityBase,
  settings: SensitivityRunSettings,
): Promise<SensitivityResult> {
  const { contract } = base;
  const hasCapital = contract.capital !== undefined;
  const { plans, skipped } = parameterPlans(contract);
  let trialsDone = 0;
  const runPoint = async (change: PointChange): Promise<NetsAtHorizon> => {
    const params: ContractTaskParams = {
      contract,
      gains: base.plainGains,
      sampler: pointSampler(base, change),
      scales: change.scales,
      outputs: {
        scalars: ['netKommune', 'netPublic', 'netInvestor'],
        breakEven: false,
        cumulativeNetTrials: 0,
        precision: 64,
      },
    };
    const run = await runTrials({
      task: CONTRACT_TRIALS_TASK.name,
      params,
      trials: settings.trialsPerPoint,
      seed: settings.seed,
      workers: settings.workers,
      signal: settings.signal,
      workerFile: settings.workerFile,
      taskModulePath: settings.taskModulePath,
      onProgress: (progress: RunProgress) => settings.onTrials?.(trialsDone + progress.trialsDone),
    });
    trialsDone += settings.trialsPerPoint;
    const read = (name: ScalarOutput) =>
      mean(readScalar(run.columns, params.outputs, name, settings.trialsPerPoint));
    return {
      kommune: read('netKommune'),
      public: read('netPublic'),
      investor: hasCapital ? read('netInvestor') : null,
    };
  };

  const deterministic = new DeterministicNets(contract, base.gains);
  const baseMeans = await runPoint({});
  const parameters: SensitivityEntry[] = [];
  for (const plan of plans) {
    const lowValue =
      plan.unit === 'rate'
        ? clamp(plan.base * (1 - settings.variation), plan.range)
        : Math.max(0, 1 - settings.variation);
    const highValue =
      plan.unit === 'rate'
        ? clamp(plan.base * (1 + settings.variation), plan.range)
        : 1 + settings.variation;
    const low = { value: lowValue, meanNetAtHorizon: await runPoint(plan.change(lowValue)) };
    const high = { value: highValue, meanNetAtHorizon: await runPoint(plan.change(highValue)) };
    // The kommune's and the investors' searches share their grid points: evaluate each x once.
    const evaluated = new Map<number, { kommune: number; investor: number }>();
    const netAt = (x: number) => {
      let nets = evaluated.get(x);
      if (nets === undefined) {
        nets = deterministic.at(plan.change(x));
        evaluated.set(x, nets);
      }
      return nets;
    };
    parameters.push({
      parameter: plan.parameter,
      unit: plan.unit,
      range: plan.range,
      low,
      base: { value: plan.base, meanNetAtHorizon: baseMeans },
      high,
      switchingValue: {
        kommune: switchingValue((x) => netAt(x).kommune, plan.range, plan.base),
        investor: hasCapital
          ? switchingValue((x) => netAt(x).investor, plan.range, plan.base)
          : null,
      },
    });
  }
  return {
    variation: settings.variation,
    trialsPerPoint: settings.trialsPerPoint,
    parameters,
    skipped,
  };
}

/** Sweep points a run needs: the base and two per parameter (for progress totals). */
export function sensitivityPointCount(contract: Contract): number {
  return 1 + 2 * parameterPlans(contract).plans.length;
}
