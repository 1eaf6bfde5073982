import { registerBlockTask, type BlockColumns, type OutputColumn } from '../simulation/block-task';
import { rateDistribution } from '../simulation/beta-fit';
import { sampleBinomial } from '../simulation/binomial';
import { LognormalFactorSampler, RateSampler } from '../simulation/distributions';
import { blockStream, type Xor128Stream } from '../simulation/rng';
import { PUBLIC_ACTORS } from '../shared/actors';
import type { FundSimulationParams } from './monte-carlo-params';
import { nextProductIndex, reinvestmentStopped } from './pipeline';

/**
 * The block task "fundTrials": the fund's Monte Carlo, one trial per fund history.
 *
 * Floats throughout (documented exception to exact money): this is the hot loop, and a trial
 * describes one possible history, not a ledger. The investment rules are the projection's
 * (`nextProductIndex`, `reinvestmentStopped`, same year order); amounts are compared with a
 * tolerance of half an øre so float rounding never flips a ticket decision.
 *
 * What is uncertain, per trial:
 * 1. A common factor F_y for each fund year y, shared by every partnership started that year:
 *    lognormal with mean 1 and the fund's coefficient of variation (LognormalFactorSampler). It
 *    correlates partnerships (a good or bad year for the labour market, say). We use a mean-one
 *    multiplicative factor rather than a normal shock on the logit because it keeps the
 *    expected success rate exactly (a logit shock of sd σ moves the mean by about
 *    ½·p(1 − p)(1 − 2p)·σ²), so the deterministic projection stays the Monte Carlo's mean.
 * 2. Each partnership's additional success rate p = min(1 − deadweight, B × F_y), B drawn from
 *    the product's Beta around its mean (or fixed at the mean).
 * 3. Its additional successes A ~ Binomial(m, p) × c/m, where c = participants × (1 − dropout) are
 *    the expected completers and m = round(c) (a cohort is whole people; the scaling keeps
 *    E[A] = c·E[p] for a fractional expected cohort); A = c·p when cohortSamplingNoise is off or
 *    m = 0. Dropout itself is not drawn.
 * 4. Its repayments: the expected profile × s, s = (A/c) / expected additional rate (realised over
 *    expected success), capped at maxRepaymentMultiple / expected multiple. So a partnership
 *    that achieves nothing repays nothing, and the stated-multiple mode repays
 *    multiple × realised/expected success, never above the cap.
 * 5. People employed scale with the realised gross success rate: started × employmentShare ×
 *    (deadweight + A/c) / grossSuccessRate. SØM gains: A × gain per success, within the horizon.
 * Fund value at year end = cash + the repayments the trial's partnerships will still make
 * (undiscounted, after the horizon too).
 *
 * Two reasons the Monte Carlo mean differs from the projection at expected values, both real:
 * the repayment cap cuts the upside but not the downside, and whole tickets make reinvestment
 * non-linear (cash that falls just short of a ticket in a bad trial waits a year, while the
 * projection, sitting just above it, invests). With reinvestment off and no cap, the mean equals
 * the projection; with no uncertainty at all, every trial does (both are tested).
 */

/** Yearly output columns (width = horizonYears). */
export const FUND_YEARLY_COLUMNS = [
  'capitalDeployed',
  'repaymentsReceived',
  'cash',
  'fundValue',
  'partnerships',
  'partnerKommuner',
  'participantsStarted',
  'peopleHelped',
  'peopleEmployed',
  'additionalSuccesses',
  'gainsKommune',
  'gainsRegion',
  'gainsStat',
] as const;
export type FundYearlyColumn = (typeof FUND_YEARLY_COLUMNS)[number];

/** The gain columns in PUBLIC_ACTORS order. */
export const GAIN_COLUMNS = ['gainsKommune', 'gainsRegion', 'gainsStat'] as const;

/** Half an øre: float amounts closer than this count as equal when a ticket is checked. */
const MONEY_TOLERANCE = 0.005;
const ACTOR_COUNT = PUBLIC_ACTORS.length;

interface ProductArrays {
  count: number;
  mixShare: Float64Array;
  investment: Float64Array;
  participantsPerKrone: Float64Array;
  completionRate: Float64Array;
  deadweightRate: Float64Array;
  grossSuccessRate: Float64Array;
  additionalSuccessRate: Float64Array;
  employmentShare: Float64Array;
  kommuner: Float64Array;
  /** Infinity when uncapped. */
  maxRepaymentScale: Float64Array;
  successYearOffset: Int32Array;
  repaymentPerKrone: Float64Array[];
  gainsPerSuccess: Float64Array[];
  rateSamplers: RateSampler[];
}

interface FundBlockContext {
  params: FundSimulationParams;
  products: ProductArrays;
  commonFactor: LognormalFactorSampler;
  layout: OutputColumn[];
  /** Scratch, reused by every trial. */
  startedByProduct: Float64Array;
  dueByYear: Float64Array;
  yearFactors: Float64Array;
  yearly: Float64Array[];
}

function productArrays(params: FundSimulationParams): ProductArrays {
  const list = params.products;
  const column = (pick: (index: number) => number) => Float64Array.from(list, (_, i) => pick(i));
  return {
    count: list.length,
    mixShare: column((i) => list[i].mixShare),
    investment: column((i) => list[i].investment),
    participantsPerKrone: column((i) => list[i].participantsPerKrone),
    completionRate: column((i) => list[i].completionRate),
    deadweightRate: column((i) => list[i].deadweightRate),
    grossSuccessRate: column((i) => list[i].grossSuccessRate),
    additionalSuccessRate: column((i) => list[i].additionalSuccessRate),
    employmentShare: column((i) => list[i].employmentShare),
    kommuner: column((i) => list[i].kommunerPerPartnership),
    maxRepaymentScale: column((i) => list[i].maxRepaymentScale ?? Infinity),
    successYearOffset: Int32Array.from(list, (product) => product.successYearOffset),
    repaymentPerKrone: list.map((product) => Float64Array.from(product.repaymentPerKrone)),
    gainsPerSuccess: list.map((product) => Float64Array.from(product.gainsPerSuccess)),
    rateSamplers: list.map(
      (product) =>
        new RateSampler(
          rateDistribution(
            { mean: product.additionalSuccessRate, ...product.additionalSuccessRateUncertainty },
            `products/${product.id}/additionalSuccessRateUncertainty`,
          ),
        ),
    ),
  };
}

export function prepareFundBlock(params: FundSimulationParams): FundBlockContext {
  const horizon = params.horizonYears;
  const layout = FUND_YEARLY_COLUMNS.map((name) => ({ name, width: horizon }));
  return {
    params,
    products: productArrays(params),
    commonFactor: new LognormalFactorSampler(params.commonFactorCv),
    layout,
    startedByProduct: new Float64Array(params.products.length),
    dueByYear: new Float64Array(horizon),
    yearFactors: new Float64Array(horizon),
    yearly: FUND_YEARLY_COLUMNS.map(() => new Float64Array(horizon)),
  };
}

/** Indexes into `FundBlockContext.yearly`, in FUND_YEARLY_COLUMNS order. */
const DEPLOYED = 0;
const REPAID = 1;
const CASH = 2;
const FUND_VALUE = 3;
const PARTNERSHIPS = 4;
const KOMMUNER = 5;
const PARTICIPANTS = 6;
const HELPED = 7;
const EMPLOYED = 8;
const ADDITIONAL = 9;
const FIRST_GAIN = 10;

/** Simulates one trial into `context.yearly`. Allocates nothing. */
export function simulateFundTrial(context: FundBlockContext, stream: Xor128Stream): void {
  const { params, products, startedByProduct, dueByYear, yearFactors, yearly } = context;
  const horizon = params.horizonYears;
  for (const series of yearly) series.fill(0);
  startedByProduct.fill(0);
  dueByYear.fill(0);
  for (let year = 0; year < horizon; year++)
    yearFactors[year] = context.commonFactor.sample(stream);

  const yearLimit = params.maxNewPartnershipsPerYear ?? Infinity;
  let cash = 0;
  let injectedToDate = 0;
  let deployedToDate = 0;
  /** Repayments the trial's partnerships will still make, after the horizon too. */
  let outstandingRepayments = 0;

  for (let year = 0; year < horizon; year++) {
    const injection = params.injectionsByYear[year];
    injectedToDate += injection;
    const repaid = dueByYear[year];
    outstandingRepayments -= repaid;
    cash += injection + repaid;
    cash -= params.operatingCostPerYear + params.managementFeeRate * injectedToDate;

    let available = cash - reserveAmount(params, injectedToDate);
    if (reinvestmentStopped(year, horizon, params.stopReinvestingInLastYears)) {
      available = Math.min(available, injectedToDate - deployedToDate);
    }
    let started = 0;
    while (started < yearLimit) {
      const p = nextProductIndex(startedByProduct, products.mixShare);
      let ticket: number;
      if (available + MONEY_TOLERANCE >= products.investment[p]) {
        ticket = products.investment[p];
      } else if (
        params.allowPartialTickets &&
        available + MONEY_TOLERANCE >= params.minimumTicket &&
        available > MONEY_TOLERANCE
      ) {
        ticket = available;
      } else {
        break;
      }
      outstandingRepayments += startPartnership(context, stream, p, ticket, year);
      startedByProduct[p]++;
      started++;
      available -= ticket;
      cash -= ticket;
      deployedToDate += ticket;
      yearly[DEPLOYED][year] += ticket;
    }
    yearly[REPAID][year] = repaid;
    yearly[CASH][year] = cash;
    yearly[FUND_VALUE][year] = cash + outstandingRepayments;
  }
}

function reserveAmount(params: FundSimulationParams, injectedToDate: number): number {
  const reserve = params.reserve;
  if (reserve.kind === 'amount') return reserve.amount;
  if (reserve.kind === 'shareOfCapital') return reserve.share * injectedToDate;
  return 0;
}

/** Draws one partnership's outcome, books its people, gains and repayments; returns its total repayment. */
function startPartnership(
  context: FundBlockContext,
  stream: Xor128Stream,
  p: number,
  ticket: number,
  year: number,
): number {
  const { products, yearly, dueByYear, yearFactors } = context;
  const horizon = context.params.horizonYears;
  const participants = ticket * products.participantsPerKrone[p];
  const completers = participants * products.completionRate[p];
  const deadweight = products.deadweightRate[p];
  const rate = Math.min(
    1 - deadweight,
    products.rateSamplers[p].sample(stream) * yearFactors[year],
  );
  const cohort = context.params.cohortSamplingNoise ? Math.round(completers) : 0;
  const additional =
    cohort > 0 ? (sampleBinomial(stream, cohort, rate) * completers) / cohort : completers * rate;
  const realisedRate = completers > 0 ? additional / completers : 0;
  const scale = Math.min(
    realisedRate / products.additionalSuccessRate[p],
    products.maxRepaymentScale[p],
  );

  yearly[PARTNERSHIPS][year] += 1;
  yearly[KOMMUNER][year] += products.kommuner[p];
  yearly[PARTICIPANTS][year] += participants;
  yearly[HELPED][year] += completers;
  yearly[EMPLOYED][year] +=
    (participants * products.employmentShare[p] * (deadweight + realisedRate)) /
    products.grossSuccessRate[p];
  yearly[ADDITIONAL][year] += additional;

  const gains = products.gainsPerSuccess[p];
  const firstGainYear = year + products.successYearOffset[p] + 1;
  for (let t = 0; t * ACTOR_COUNT < gains.length && firstGainYear + t < horizon; t++) {
    for (let actor = 0; actor < ACTOR_COUNT; actor++) {
      yearly[FIRST_GAIN + actor][firstGainYear + t] += additional * gains[t * ACTOR_COUNT + actor];
    }
  }

  const profile = products.repaymentPerKrone[p];
  let total = 0;
  for (let k = 0; k < profile.length; k++) {
    const amount = ticket * profile[k] * scale;
    total += amount;
    const dueYear = year + k + 1;
    if (dueYear < horizon) dueByYear[dueYear] += amount;
  }
  return total;
}

export const FUND_TRIALS_TASK = registerBlockTask<FundSimulationParams, FundBlockContext>({
  name: 'fundTrials',
  modulePath: __filename,
  prepare: prepareFundBlock,
  columns: (context) => context.layout,
  runBlock(context, block, out: BlockColumns) {
    const horizon = context.params.horizonYears;
    const stream = blockStream(block.seed, block.blockIndex);
    const targets = FUND_YEARLY_COLUMNS.map((name) => out[name]);
    for (let trial = 0; trial < block.trialCount; trial++) {
      simulateFundTrial(context, stream);
      const row = trial * horizon;
      for (let column = 0; column < targets.length; column++) {
        targets[column].set(context.yearly[column], row);
      }
    }
  },
});
