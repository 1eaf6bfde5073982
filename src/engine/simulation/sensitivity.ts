import {
  compileContract,
  contractCashflows,
  createCashflowWorkspace,
  expectedOutcomes,
  type CashflowWorkspace,
  type CompiledContract,
  type Contract,
  type OutcomesByYear,
} from '../contract';
import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import { floatArith } from '../shared/arith';
import { bracketedRoot } from '../shared/root';
import type { GainProfile } from '../som/types';
import { RATE_NAMES, type RateName } from './contract-outcome-sampler';
import { MONEY_TOLERANCE } from './contract-trial';

/**
 * Tornado data: one-at-a-time sweeps of the parameters that drive a contract, and the
 * switching value of each parameter, where a party's net at the horizon crosses zero. Both come
 * from the deterministic cash flows (the contract engine's `contractCashflows` in floats, at the
 * expected outcomes), so the base point is the projection's net, every bar is free of Monte
 * Carlo noise, and a bar and its switching value describe the same function. (Monte Carlo
 * means per point, as this engine first computed them, cost more than the main run's trials
 * at 100,000 trials and, at 2,000 trials a point, moved a small bar such as the dropout's by
 * up to 45% between seeds.) What the uncertainty does to the nets is the Monte Carlo's part of
 * the result: its distributions and probabilities.
 *
 * Parameters: the three rates (multiplied by 1 ± variation, clipped to the range the contract's
 * validation allows with the other rates at their values: d ≤ g, δ + g ≤ 1), all rate-card and
 * baseline prices together, and all SØM gains together (multipliers 1 ± variation). The
 * contract's terms stay as written while a rate moves (a baseline component's comparison rate
 * that defaults to the deadweight rate keeps the contract's deadweight): the sweep asks what
 * happens if reality differs from the plan, not what a different contract would do.
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
/** Price and gain multipliers are searched for a switching value from 0 up to this. */
export const MAX_SEARCHED_MULTIPLIER = 10;
/** The switching-value search first evaluates this many equal intervals of the range … */
const SWITCH_GRID_INTERVALS = 16;
/** … then narrows the sign change nearest the contract's value to this share of the range. */
const SWITCH_RELATIVE_TOLERANCE = 1e-9;

export interface NetsAtHorizon {
  kommune: number;
  /** Kommune, region and stat together. */
  public: number;
  /** Null without capital. */
  investor: number | null;
}

export interface SweepPoint {
  value: number;
  /** The deterministic net at the horizon (Σ of the yearly nets) with the parameter at `value`. */
  netAtHorizon: NetsAtHorizon;
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
  /** Where the net at the horizon crosses 0 (nearest the contract's value), or null. */
  switchingValue: { kommune: number | null; investor: number | null };
}

export interface SensitivityResult {
  variation: number;
  parameters: SensitivityEntry[];
  skipped: { parameter: SensitivityParameter; reason: string }[];
}

/** Multipliers of all rate-card and baseline-adjusted prices, and of all SØM gains. */
interface Scales {
  price?: number;
  somGains?: number;
}

/** One change from the contract as written: a rate's value, or a price or gain multiplier. */
interface PointChange {
  rate?: { name: RateName; value: number };
  scales?: Scales;
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
 * `base` is narrowed to SWITCH_RELATIVE_TOLERANCE of the range, or to a point where |f| is
 * within half an øre, by false position (`bracketedRoot`; the nets are linear in a price or
 * gain multiplier and smooth in a rate, so it takes a few steps where bisection took 20).
 * Null when f keeps its sign.
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
  let best: [{ x: number; value: number }, { x: number; value: number }] | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (Math.sign(a.value) === Math.sign(b.value)) continue;
    const distance = Math.abs((a.x + b.x) / 2 - base);
    if (best === null || distance < Math.abs((best[0].x + best[1].x) / 2 - base)) best = [a, b];
  }
  if (best === null) return null;
  const [a, b] = best;
  return bracketedRoot(
    f,
    { low: a.x, high: b.x, valueAtLow: a.value, valueAtHigh: b.value },
    {
      tolerance: (high - low) * SWITCH_RELATIVE_TOLERANCE,
      isRoot: (value) => Math.abs(value) <= MONEY_TOLERANCE,
    },
  );
}

/**
 * A copy of a compiled float contract with all rate-card and baseline-adjusted prices and all SØM
 * gains per success multiplied by a sweep point's scales (the original is left as it is).
 */
function withScales(compiled: CompiledContract<number>, scales: Scales): CompiledContract<number> {
  const priceScale = scales.price ?? 1;
  const gainScale = scales.somGains ?? 1;
  return {
    ...compiled,
    components: compiled.components.map((component) =>
      component.kind === 'rateCard' || component.kind === 'baselineAdjusted'
        ? { ...component, price: component.price * priceScale }
        : component,
    ),
    gainPerSuccess: Object.fromEntries(
      PUBLIC_ACTORS.map((actor) => [
        actor,
        compiled.gainPerSuccess[actor].map((gain) => gain * gainScale),
      ]),
    ) as Record<PublicActor, number[]>,
  };
}

/** Σ values, left to right from 0. */
function total(values: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum = sum + values[i];
  return sum;
}

/** The deterministic cash flows (expected outcomes, floats) under one change; nets at the horizon. */
class DeterministicNets {
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
    this.expected = expectedOutcomes(contract, floatArith);
    this.workspace = createCashflowWorkspace(this.compiled, floatArith);
    this.hasCapital = contract.capital !== undefined;
  }

  at(change: PointChange): NetsAtHorizon {
    const compiled = change.scales ? withScales(this.compiled, change.scales) : this.compiled;
    const outcomes = change.rate
      ? expectedOutcomes(
          {
            ...this.contract,
            intervention: { ...this.contract.intervention, [change.rate.name]: change.rate.value },
          },
          floatArith,
        )
      : this.expected;
    const { net } = contractCashflows(compiled, outcomes, floatArith, this.workspace);
    const kommune = total(net.kommune);
    return {
      kommune,
      public: kommune + total(net.region) + total(net.stat),
      investor: this.hasCapital ? total(net.investor) : null,
    };
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

/** The sweeps and the switching-value searches of a contract (as simulated) and its gains. */
export function contractSensitivity(
  contract: Contract,
  gains: GainProfile,
  variation: number = DEFAULT_SENSITIVITY_VARIATION,
): SensitivityResult {
  const { plans, skipped } = parameterPlans(contract);
  const deterministic = new DeterministicNets(contract, gains);
  const base = deterministic.at({});
  const parameters = plans.map((plan): SensitivityEntry => {
    const lowValue =
      plan.unit === 'rate'
        ? clamp(plan.base * (1 - variation), plan.range)
        : Math.max(0, 1 - variation);
    const highValue =
      plan.unit === 'rate' ? clamp(plan.base * (1 + variation), plan.range) : 1 + variation;
    // The kommune's and the investors' searches share their grid points: evaluate each x once.
    const evaluated = new Map<number, NetsAtHorizon>();
    const netAt = (x: number) => {
      let nets = evaluated.get(x);
      if (nets === undefined) {
        nets = deterministic.at(plan.change(x));
        evaluated.set(x, nets);
      }
      return nets;
    };
    return {
      parameter: plan.parameter,
      unit: plan.unit,
      range: plan.range,
      low: { value: lowValue, netAtHorizon: netAt(lowValue) },
      base: { value: plan.base, netAtHorizon: base },
      high: { value: highValue, netAtHorizon: netAt(highValue) },
      switchingValue: {
        kommune: switchingValue((x) => netAt(x).kommune, plan.range, plan.base),
        investor: deterministic.hasCapital
          ? switchingValue((x) => netAt(x).investor as number, plan.range, plan.base)
          : null,
      },
    };
  });
  return { variation, parameters, skipped };
}
