/**
 * The negotiating table as plain data: levers one party moves, the conditions each party states,
 * the metrics a candidate contract is judged by, and the solver's answer.
 */

/** The contract terms the solver can move (see levers.ts for exactly what each one sets). */
export const LEVER_NAMES = [
  'pricePerOutcome',
  'totalCap',
  'statShare',
  'repaymentMultiple',
  'trancheInterestRate',
  'firstLossCover',
] as const;
export type LeverName = (typeof LEVER_NAMES)[number];

export type LeverUnit = 'kroner' | 'share' | 'multiple' | 'rate';

/** A lever as asked for: its name, optionally the range to search and the component to price. */
export interface LeverRequest {
  name: LeverName;
  min?: number;
  max?: number;
  /** pricePerOutcome only: price this component alone instead of scaling all priced ones. */
  component?: string;
}

/** A lever with its range and resolution filled in from the contract. */
export interface Lever {
  name: LeverName;
  unit: LeverUnit;
  min: number;
  max: number;
  component: string | null;
  /** Values are snapped to this step (øre for money, 10⁻⁶ for rates, shares and multiples). */
  resolution: number;
  /** The value the contract has now; null when the contract has none (e.g. no total cap). */
  current: number | null;
}

/** The parties that can state conditions, each judged on its own ledger. */
export const NEGOTIATING_ACTORS = ['kommune', 'region', 'stat', 'investor', 'provider'] as const;
export type NegotiatingActor = (typeof NEGOTIATING_ACTORS)[number];

/**
 * What one party requires. Every field is optional; each given field is one condition.
 * - minExpectedIrr (investor): the mean of the trials' IRRs ≥ this yearly rate.
 * - maxLossProbability (investor): P(money multiple < 1) ≤ this.
 * - maxNetNegativeProbability (kommune, region, stat): P(cumulative net at the horizon < 0) ≤ this.
 * - breakEvenByYear (any): the median cumulative net is ≥ 0 from this calendar year to the horizon.
 * - minExpectedNet (any): the mean cumulative net at the horizon ≥ this amount (kroner string).
 * - revenueCoversBudget (provider): the mean revenue covers the intervention cost (net ≥ 0).
 */
export interface PartyConditions {
  minExpectedIrr?: number;
  maxLossProbability?: number;
  maxNetNegativeProbability?: number;
  breakEvenByYear?: number;
  minExpectedNet?: string;
  revenueCoversBudget?: boolean;
}

export type AgreementConditions = Partial<Record<NegotiatingActor, PartyConditions>>;

export type ConditionKind = keyof PartyConditions;

/** What one condition's value is measured in. */
export type ConditionUnit = 'rate' | 'probability' | 'kroner';

/** One condition, flattened: `id` is `<party>.<kind>` (e.g. "investor.minExpectedIrr"). */
export interface Condition {
  id: string;
  party: NegotiatingActor;
  kind: ConditionKind;
  /** The limit as stated (a rate, a probability, a calendar year, an amount string, true). */
  limit: number | string | boolean;
  unit: ConditionUnit;
}

/** A ledger's figures for one candidate contract; floats (Monte Carlo means and quantiles). */
export interface ActorMetrics {
  /** P(cumulative net at the horizon < 0): 0 or 1 in a deterministic projection; public levels only. */
  netNegativeProbability: number | null;
  /** Mean cumulative net at the horizon, kroner. */
  expectedNet: number;
  /** Median cumulative net by contract year (index 0 = year 1), kroner. */
  medianCumulativeNet: number[];
}

/** Everything the conditions are judged on, for one candidate value of the lever(s). */
export interface CandidateMetrics {
  startYear: number;
  horizonYears: number;
  actors: Record<NegotiatingActor, ActorMetrics>;
  /** Null when the contract has no capital (then investor conditions cannot be stated). */
  investor: {
    /** Mean of the trials' IRRs; null when no trial has one. */
    expectedIrr: number | null;
    /** P(money multiple < 1). */
    lossProbability: number;
  } | null;
}

/** One condition judged at one candidate. */
export interface ConditionCheck {
  id: string;
  /** The measured value in the condition's unit (for breakEvenByYear: the lowest median cumulative net from that year on). */
  value: number | null;
  holds: boolean;
  /** Slack (≥ 0) or shortfall (< 0) in the condition's unit: how far the value is from the limit. */
  margin: number;
}

/** The lever value(s) of one candidate and how every condition fared there. */
export interface Candidate {
  values: number[];
  feasible: boolean;
  checks: ConditionCheck[];
}

/** One end of a zone of agreement. */
export interface ZoneEnd {
  value: number;
  /** 'condition': moving past it breaks `binding`; 'rangeLimit': the searched range ends here. */
  bound: 'condition' | 'rangeLimit';
  /** Ids of the conditions that fail just beyond this end (empty at a range limit). */
  binding: string[];
}

/** A maximal interval of lever values where every condition holds (ends evaluated and feasible). */
export interface Zone {
  from: ZoneEnd;
  to: ZoneEnd;
}

/** How a candidate is evaluated: one seeded Monte Carlo (common random numbers) or the projection. */
export interface EvaluationMethod {
  kind: 'monteCarlo' | 'deterministic';
  trials: number | null;
  seed: string | null;
}

/** The answer for one lever. */
export interface LeverSolution {
  lever: Lever;
  conditions: Condition[];
  method: EvaluationMethod & {
    commonRandomNumbers: boolean;
    gridPoints: number;
    /** Each zone end lies within this distance (lever units) of the true boundary between grid points. */
    tolerance: number;
    evaluations: number;
  };
  feasible: boolean;
  zones: Zone[];
  /** When no value satisfies every condition: the value that comes closest, and what fails there. */
  best: { value: number; failing: (ConditionCheck & { condition: Condition })[] } | null;
  /** Every evaluated candidate, by lever value. */
  candidates: Candidate[];
}

/** The answer for two levers at once: a grid with the feasible cells marked. */
export interface LeverMap {
  levers: [Lever, Lever];
  conditions: Condition[];
  method: EvaluationMethod & {
    commonRandomNumbers: boolean;
    gridPoints: [number, number];
    evaluations: number;
  };
  /** Grid values of each lever. */
  axes: [number[], number[]];
  /** cells[i][j]: lever 1 at axes[0][i], lever 2 at axes[1][j]. */
  cells: { feasible: boolean; failing: string[] }[][];
  feasibleCount: number;
}
