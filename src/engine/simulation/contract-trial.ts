import {
  contractCashflows,
  createCashflowWorkspace,
  type CashflowsByYear,
  type CashflowWorkspace,
  type CompiledContract,
  type CountMetric,
  type OutcomesByYear,
} from '../contract';
import { PUBLIC_ACTORS } from '../shared/actors';
import { floatArith } from '../shared/arith';
import { irr } from '../shared/irr';
import { VectorMemo } from './vector-memo';

/**
 * One trial's cash flows and the outputs the Monte Carlo reports, from the trial's outcomes.
 * The cash flows come from the contract engine's `contractCashflows` (the one formula for
 * payments, caps, waterfall, guarantees and gain sharing) in floats, written into one
 * `CashflowWorkspace` per evaluator, so a trial allocates nothing. Two shortcuts keep the hot
 * loop cheap without a second formula:
 *
 * 1. Memo: the cash flows are a pure function of the outcome series the contract reads, so
 *    trials with the same series share one evaluation (`VectorMemo`). Only the series that
 *    `contractCashflows` reads for this contract form the key (`outcomeSeriesRead`), which makes
 *    repeats common where payments do not depend on every count (a contract without a payment
 *    model reads only the additional successes).
 * 2. SØM gain factor: when the contract has no share-of-savings component, the gains enter the
 *    cash flows only through the nets and through payer shares in proportion to the gains, which
 *    a positive factor leaves unchanged. So the flows are evaluated at factor 1 (memoised) and a
 *    trial's factor f is applied after: gains × f, and each level's net + (f − 1) × its gains.
 *    A test checks this against evaluating the scaled contract directly. With shares of savings
 *    the scaled contract is evaluated per trial.
 *
 * Floats (documented exception to exact money): a trial is one possible history, not a ledger.
 */

/** The actors whose nets the Monte Carlo reports, in output order. */
export const MONTE_CARLO_ACTORS = [
  'kommune',
  'region',
  'stat',
  'public',
  'investor',
  'provider',
] as const;
export type MonteCarloActor = (typeof MONTE_CARLO_ACTORS)[number];
export const ACTOR_COUNT = MONTE_CARLO_ACTORS.length;
const KOMMUNE = 0;
const PUBLIC = 3;
const INVESTOR = 4;
const PROVIDER = 5;

/** Break-even codes: a contract year 1…20, or these. */
export const BREAK_EVEN_NEVER = 0;
export const BREAK_EVEN_NOT_APPLICABLE = 255;

/** Half an øre: float amounts within it of zero count as zero (float noise must not flip a sign). */
export const MONEY_TOLERANCE = 0.005;
const ORE_PER_KRONE = 100;

/** One trial's outputs; allocate with `createTrialResult` and reuse. */
export interface TrialResult {
  /** Cumulative net by actor and year: [actor × years + year], actors in MONTE_CARLO_ACTORS order. */
  cumulativeNet: Float64Array;
  /** SØM gains over the horizon by public level (kommune, region, stat). */
  somGains: Float64Array;
  /** Outcome payments paid by all levels over the horizon. */
  outcomePayments: number;
  /** (receipts + guarantee receipts) / drawn; NaN without capital or without a draw. */
  investorMultiple: number;
  /** Yearly IRR of the investors' net flows; −1 when they get nothing back; NaN without capital or root. */
  investorIrr: number;
  additionalSuccesses: number;
  /** Per actor: the break-even contract year, BREAK_EVEN_NEVER or BREAK_EVEN_NOT_APPLICABLE. */
  breakEvenYear: Uint8Array;
}

export function createTrialResult(years: number): TrialResult {
  return {
    cumulativeNet: new Float64Array(ACTOR_COUNT * years),
    somGains: new Float64Array(PUBLIC_ACTORS.length),
    outcomePayments: 0,
    investorMultiple: NaN,
    investorIrr: NaN,
    additionalSuccesses: 0,
    breakEvenYear: new Uint8Array(ACTOR_COUNT),
  };
}

/**
 * The outcome series `contractCashflows` reads for this compiled contract (see cashflows.ts and
 * payments.ts): additional successes (SØM gains) always; started for a cost per participant or a
 * per-participant cap; measured and gross for baseline-adjusted and threshold components; the
 * metric of each rate card, or the basis count of its custom metric.
 */
export function outcomeSeriesRead(
  compiled: CompiledContract<number>,
  metricBasis: Record<string, CountMetric>,
): CountMetric[] {
  const read = new Set<CountMetric>(['additionalSuccesses']);
  const costPerStarted =
    compiled.cost.schedule === null &&
    compiled.cost.perStarted !== null &&
    compiled.cost.observed.some((value) => value === null);
  if (costPerStarted || compiled.caps.perParticipant !== null) read.add('started');
  for (const component of compiled.components) {
    if (component.kind === 'baselineAdjusted' || component.kind === 'threshold') {
      read.add('measured');
      read.add('grossSuccesses');
    } else if (component.kind === 'rateCard') {
      read.add(metricBasis[component.metric] ?? (component.metric as CountMetric));
    }
  }
  const order: CountMetric[] = [
    'started',
    'completers',
    'measured',
    'grossSuccesses',
    'additionalSuccesses',
  ];
  return order.filter((metric) => read.has(metric));
}

/**
 * After this many lookups a memo that hits less than MEMO_MIN_HIT_RATE of them is dropped: when
 * almost every trial has outcomes of its own (a rate card reads the measured and gross counts),
 * hashing and storing them only costs time. Dropping it changes no result.
 */
const MEMO_TRIAL_LOOKUPS = 4096;
const MEMO_MIN_HIT_RATE = 0.25;

/** Per year in a raw evaluation: nets of kommune, region, stat, investor, provider; gains of kommune, region, stat. */
const RAW_PER_YEAR = 8;
const RAW_GAIN_OFFSET = 5;
/** After the yearly part: outcome payments, multiple, IRR. */
const RAW_TAIL = 3;

export interface TrialEvaluatorOptions {
  /** Whether trials draw a SØM gain factor other than 1. */
  gainsUncertain: boolean;
  /** Memoise evaluations (default true). */
  memo?: boolean;
  /** Apply the gain factor after evaluating at factor 1 when that is exact (default true). */
  linearGains?: boolean;
  /** Basis count of each custom metric id. */
  metricBasis?: Record<string, CountMetric>;
}

export class TrialEvaluator {
  readonly years: number;
  readonly hasCapital: boolean;
  /** True when the gain factor is applied after the evaluation (see the file comment). */
  readonly gainsAppliedAfter: boolean;
  readonly keySeries: readonly CountMetric[];
  private readonly compiled: CompiledContract<number>;
  private readonly baseGainPerSuccess: Record<string, number[]>;
  private readonly key: Float64Array;
  /** `keySeries` of the outcomes object last seen, which the sampler reuses for every trial. */
  private keyOutcomes: OutcomesByYear<number> | null = null;
  private keyArrays: number[][] = [];
  private readonly raw: Float64Array;
  private readonly flowsInOre: Float64Array;
  /** The investors' flows in kroner for `irr` (reused). */
  private readonly irrFlows: number[];
  /** `contractCashflows` writes into this, so a trial allocates nothing. */
  private readonly workspace: CashflowWorkspace<number>;
  private memoAllocated = false;
  private readonly memoFactory: () => [VectorMemo | null, VectorMemo | null];
  private memos: [VectorMemo | null, VectorMemo | null] = [null, null];
  /** The counts of a memo dropped for its low hit rate (its tables are freed), for `memoStatistics`. */
  private dropped = { hits: 0, misses: 0 };
  private readonly irrValue = new Float64Array(1);

  constructor(compiled: CompiledContract<number>, options: TrialEvaluatorOptions) {
    // Own copies of the gains per success: `evaluateRaw` scales them per trial.
    this.compiled = {
      ...compiled,
      gainPerSuccess: {
        kommune: compiled.gainPerSuccess.kommune.slice(),
        region: compiled.gainPerSuccess.region.slice(),
        stat: compiled.gainPerSuccess.stat.slice(),
      },
    };
    this.years = compiled.years;
    this.hasCapital = compiled.capital !== null;
    const linear =
      (options.linearGains ?? true) &&
      compiled.components.every((component) => component.kind !== 'shareOfSavings');
    this.gainsAppliedAfter = linear;
    this.baseGainPerSuccess = Object.fromEntries(
      PUBLIC_ACTORS.map((actor) => [actor, compiled.gainPerSuccess[actor].slice()]),
    );
    this.keySeries = outcomeSeriesRead(compiled, options.metricBasis ?? {});
    const useMemo = (options.memo ?? true) && (linear || !options.gainsUncertain);
    this.key = new Float64Array(this.keySeries.length * this.years);
    this.raw = new Float64Array(RAW_PER_YEAR * this.years + RAW_TAIL);
    this.flowsInOre = new Float64Array(this.years);
    this.irrFlows = new Array<number>(this.years).fill(0);
    this.workspace = createCashflowWorkspace(this.compiled, floatArith);
    // Tables are allocated on first use: the runner also prepares a context in the main thread
    // that never runs a block when worker threads do the work.
    this.memoFactory = () =>
      useMemo
        ? [
            new VectorMemo(this.key.length, this.raw.length),
            this.hasCapital ? new VectorMemo(this.years, 1) : null,
          ]
        : [null, null];
  }

  /** Memo statistics (hits, misses), for the benchmark. */
  memoStatistics(): { hits: number; misses: number; irrHits: number; irrMisses: number } {
    const [memo, irrMemo] = this.memos;
    return {
      hits: memo?.hits ?? this.dropped.hits,
      misses: memo?.misses ?? this.dropped.misses,
      irrHits: irrMemo?.hits ?? 0,
      irrMisses: irrMemo?.misses ?? 0,
    };
  }

  /**
   * Evaluates one trial's outcomes with SØM gain factor `gainFactor` into `out`; without
   * `breakEven`, `out.breakEvenYear` is left as it was. `outcomes` is read as a sampler hands
   * it out: an object passed again keeps its count arrays (their values may change).
   */
  evaluate(
    outcomes: OutcomesByYear<number>,
    gainFactor: number,
    out: TrialResult,
    breakEven = true,
  ): void {
    if (!this.memoAllocated) {
      this.memos = this.memoFactory();
      this.memoAllocated = true;
    }
    const [memo] = this.memos;
    const raw = this.raw;
    if (memo !== null) {
      this.fillKey(outcomes);
      const slot = memo.find(this.key);
      if (slot >= 0) {
        memo.read(slot, raw);
      } else {
        this.evaluateRaw(outcomes, 1);
        memo.insert(this.key, raw);
      }
      if (
        memo.hits + memo.misses === MEMO_TRIAL_LOOKUPS &&
        memo.hits < MEMO_MIN_HIT_RATE * MEMO_TRIAL_LOOKUPS
      ) {
        this.memos[0] = null;
        this.dropped = { hits: memo.hits, misses: memo.misses };
      }
    } else {
      this.evaluateRaw(outcomes, this.gainsAppliedAfter ? 1 : gainFactor);
    }
    this.finish(outcomes, this.gainsAppliedAfter ? gainFactor : 1, out, breakEven);
  }

  private fillKey(outcomes: OutcomesByYear<number>): void {
    // The sampler overwrites the same arrays every trial: look them up by name once, not per
    // trial (a lookup by a variable name is the slowest kind of property access).
    if (outcomes !== this.keyOutcomes) {
      this.keyArrays = this.keySeries.map((series) => outcomes[series]);
      this.keyOutcomes = outcomes;
    }
    const arrays = this.keyArrays;
    let index = 0;
    for (let s = 0; s < arrays.length; s++) {
      const values = arrays[s];
      for (let y = 0; y < this.years; y++) this.key[index++] = values[y];
    }
  }

  /** The contract engine's cash flows into `this.raw`, the SØM gains scaled by `gainFactor`. */
  private evaluateRaw(outcomes: OutcomesByYear<number>, gainFactor: number): void {
    const compiled = this.compiled;
    for (const actor of PUBLIC_ACTORS) {
      const base = this.baseGainPerSuccess[actor];
      const scaled = compiled.gainPerSuccess[actor];
      for (let t = 0; t < base.length; t++) scaled[t] = base[t] * gainFactor;
    }
    const flows = contractCashflows(compiled, outcomes, floatArith, this.workspace);
    const raw = this.raw;
    let payments = 0;
    let drawn = 0;
    let received = 0;
    for (let y = 0; y < this.years; y++) {
      const row = y * RAW_PER_YEAR;
      raw[row] = flows.net.kommune[y];
      raw[row + 1] = flows.net.region[y];
      raw[row + 2] = flows.net.stat[y];
      raw[row + 3] = flows.net.investor[y];
      raw[row + 4] = flows.net.provider[y];
      raw[row + RAW_GAIN_OFFSET] = flows.somGains.kommune[y];
      raw[row + RAW_GAIN_OFFSET + 1] = flows.somGains.region[y];
      raw[row + RAW_GAIN_OFFSET + 2] = flows.somGains.stat[y];
      payments +=
        flows.outcomePayments.kommune[y] +
        flows.outcomePayments.region[y] +
        flows.outcomePayments.stat[y];
      drawn += flows.capitalDrawn[y];
      received += flows.investorReceipts[y] + flows.guaranteeReceipts[y];
    }
    const tail = RAW_PER_YEAR * this.years;
    raw[tail] = payments;
    raw[tail + 1] = this.hasCapital && drawn > 0 ? received / drawn : NaN;
    raw[tail + 2] = this.hasCapital ? this.investorIrr(flows) : NaN;
  }

  /**
   * IRR of the investors' yearly net flows rounded to whole øre (as the projection's): bisection
   * (shared/irr), memoised on the rounded flows, since many trials repay the investors alike.
   * −1 (−100%) when they drew capital and got nothing back; NaN when the flows have no root.
   */
  private investorIrr(flows: CashflowsByYear<number>): number {
    const inOre = this.flowsInOre;
    let negative = false;
    let positive = false;
    for (let y = 0; y < this.years; y++) {
      // Math.round (half up) is fine here: the IRR is a reported statistic, not a ledger amount.
      const ore = Math.round(flows.net.investor[y] * ORE_PER_KRONE);
      inOre[y] = ore;
      if (ore < 0) negative = true;
      if (ore > 0) positive = true;
    }
    if (negative && !positive) return -1;
    const irrMemo = this.memos[1];
    const slot = irrMemo === null ? -1 : irrMemo.find(inOre);
    if (slot >= 0) return this.readIrr(irrMemo as VectorMemo, slot);
    const kroner = this.irrFlows;
    for (let y = 0; y < this.years; y++) kroner[y] = inOre[y] / ORE_PER_KRONE;
    const rate = irr(kroner) ?? NaN;
    irrMemo?.insert(inOre, [rate]);
    return rate;
  }

  private readIrr(memo: VectorMemo, slot: number): number {
    memo.read(slot, this.irrValue);
    return this.irrValue[0];
  }

  /** Applies the gain factor to the raw flows and derives the trial's outputs. */
  private finish(
    outcomes: OutcomesByYear<number>,
    gainFactor: number,
    out: TrialResult,
    breakEven: boolean,
  ): void {
    const raw = this.raw;
    const years = this.years;
    const extra = gainFactor - 1;
    const cumulative = out.cumulativeNet;
    let kommune = 0;
    let region = 0;
    let stat = 0;
    let investor = 0;
    let provider = 0;
    let gainsKommune = 0;
    let gainsRegion = 0;
    let gainsStat = 0;
    let additional = 0;
    for (let y = 0; y < years; y++) {
      const row = y * RAW_PER_YEAR;
      const gainK = raw[row + RAW_GAIN_OFFSET];
      const gainR = raw[row + RAW_GAIN_OFFSET + 1];
      const gainS = raw[row + RAW_GAIN_OFFSET + 2];
      kommune += raw[row] + extra * gainK;
      region += raw[row + 1] + extra * gainR;
      stat += raw[row + 2] + extra * gainS;
      investor += raw[row + 3];
      provider += raw[row + 4];
      gainsKommune += gainK;
      gainsRegion += gainR;
      gainsStat += gainS;
      additional += outcomes.additionalSuccesses[y];
      cumulative[y] = kommune;
      cumulative[years + y] = region;
      cumulative[2 * years + y] = stat;
      cumulative[PUBLIC * years + y] = kommune + region + stat;
      cumulative[INVESTOR * years + y] = investor;
      cumulative[PROVIDER * years + y] = provider;
    }
    out.somGains[0] = gainsKommune * gainFactor;
    out.somGains[1] = gainsRegion * gainFactor;
    out.somGains[2] = gainsStat * gainFactor;
    const tail = RAW_PER_YEAR * years;
    out.outcomePayments = raw[tail];
    out.investorMultiple = raw[tail + 1];
    out.investorIrr = raw[tail + 2];
    out.additionalSuccesses = additional;
    // A run that records no break-even years skips them.
    if (!breakEven) return;
    for (let actor = KOMMUNE; actor < ACTOR_COUNT; actor++) {
      out.breakEvenYear[actor] =
        actor === INVESTOR && !this.hasCapital
          ? BREAK_EVEN_NOT_APPLICABLE
          : breakEvenCode(cumulative, actor * years, years);
    }
  }
}

/**
 * The first contract year from which the cumulative net stays ≥ 0 through the horizon (the
 * projection's `breakEvenYear`), with half an øre of tolerance; BREAK_EVEN_NEVER if it ends below 0.
 */
export function breakEvenCode(
  cumulative: ArrayLike<number>,
  offset: number,
  years: number,
): number {
  if (cumulative[offset + years - 1] < -MONEY_TOLERANCE) return BREAK_EVEN_NEVER;
  let year = years;
  while (year > 1 && cumulative[offset + year - 2] >= -MONEY_TOLERANCE) year--;
  return year;
}
