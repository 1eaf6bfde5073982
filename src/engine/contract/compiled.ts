import type { PublicActor } from '../shared/actors';

/** Everyone the projection keeps a ledger for: the public levels, the investors, the provider, a guarantor. */
export const LEDGER_ACTORS = [
  'kommune',
  'region',
  'stat',
  'investor',
  'provider',
  'guarantor',
] as const;
export type LedgerActor = (typeof LEDGER_ACTORS)[number];

/** Who can pay a first-loss cover or principal protection: a public level or a guarantor. */
export type GuaranteePayer = PublicActor | 'guarantor';
export const GUARANTEE_PAYERS: readonly GuaranteePayer[] = [
  'kommune',
  'region',
  'stat',
  'guarantor',
];

export interface CompiledRateCard<T> {
  kind: 'rateCard';
  id: string;
  delay: number;
  cap: T | null;
  metric: string;
  price: T;
}

export interface CompiledBaselineAdjusted<T> {
  kind: 'baselineAdjusted';
  id: string;
  delay: number;
  cap: T | null;
  price: T;
  comparisonRate: T;
}

export interface CompiledThreshold<T> {
  kind: 'threshold';
  id: string;
  delay: number;
  cap: T | null;
  /** Index of the measurement year (contract year − 1). */
  measurementIndex: number;
  comparisonRate: T;
  relative: boolean;
  linear: boolean;
  points: { improvement: T; payment: T }[];
}

export interface CompiledShareOfSavings<T> {
  kind: 'shareOfSavings';
  id: string;
  delay: number;
  cap: T | null;
  payers: PublicActor[];
  shareUntilRepaid: T;
  shareAfterRepaid: T;
}

export type CompiledComponent<T> =
  | CompiledRateCard<T>
  | CompiledBaselineAdjusted<T>
  | CompiledThreshold<T>
  | CompiledShareOfSavings<T>;

export interface CompiledTranche<T> {
  id: string;
  share: T;
  /** 1 + interestRate: what one krone owed grows to in a year. */
  growth: T;
}

export interface CompiledCapital<T> {
  commitment: T;
  /** Draws fixed by a drawdown schedule or an observed total; null → draws follow the spending. */
  fixedDraws: T[] | null;
  /** Senior tranches first, in the contract's order within a seniority. */
  tranches: CompiledTranche<T>[];
  asEarned: boolean;
  /** Share of a draw's principal still scheduled k years after the draw year (index k). */
  scheduledRemaining: T[];
  capMultiple: T | null;
  /** 1 + the return cap's annual rate. */
  capGrowth: T | null;
  excess: 'toInvestors' | 'toProvider' | 'notPaid';
  firstLoss: { payer: GuaranteePayer; maxAmount: T | null; share: T } | null;
  protection: { payer: GuaranteePayer; share: T } | null;
}

export interface CompiledCost<T> {
  /** Cost per started participant when no spending schedule is given. */
  perStarted: T | null;
  /** Cost by year from a spending schedule (0 after an observed stop). */
  schedule: T[] | null;
  /** Observed cost by year; null where not observed. */
  observed: (T | null)[];
}

/**
 * A contract and its gain profile prepared once for many cash-flow runs: every decimal string
 * parsed, every default filled in, every party resolved to a ledger, the SØM gain per success
 * converted to T. Build it with `compileContract`.
 */
export interface CompiledContract<T> {
  years: number;
  cost: CompiledCost<T>;
  costBearer: 'authority' | 'investors';
  /** Shares of the intervention cost by level when an authority bears it. */
  authorityCostShares: Record<PublicActor, T>;
  /** gainPerSuccess[actor][t − 1]: gain in the t-th year after the success year, relapse applied. */
  gainPerSuccess: Record<PublicActor, T[]>;
  components: CompiledComponent<T>[];
  caps: { perParticipant: T | null; perYear: T | null; total: T | null };
  floorTotal: T | null;
  /** Fixed payer shares, or null: in proportion to each level's SØM gain over the horizon. */
  payerShares: Record<PublicActor, T> | null;
  /** The payer when shares follow SØM gains but no level gains anything. */
  fallbackPayerShares: Record<PublicActor, T>;
  capital: CompiledCapital<T> | null;
}
