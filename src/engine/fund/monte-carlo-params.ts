import { PUBLIC_ACTORS } from '../shared/actors';
import { discountFactor } from '../shared/discount';
import { normalizeFund, type NormalizedFund } from './normalize';
import type { FundInput, SuccessRateUncertainty } from './types';

/**
 * The fund as the Monte Carlo block task takes it: plain numbers only, so it passes to worker
 * threads by structured clone (decimal.js objects would lose their prototype). Converted from
 * the exact model once per run; money becomes float kroner here, which is fine only because
 * the Monte Carlo describes a distribution, not a ledger.
 */
export interface FundSimulationProductParams {
  id: string;
  mixShare: number;
  investment: number;
  participantsPerKrone: number;
  /** 1 − dropoutRate. */
  completionRate: number;
  grossSuccessRate: number;
  deadweightRate: number;
  /** Expected additional successes per completer (grossSuccessRate − deadweightRate). */
  additionalSuccessRate: number;
  employmentShare: number;
  kommunerPerPartnership: number;
  /** Expected repayment per krone by year after the investment (index k − 1 = offset k). */
  repaymentPerKrone: number[];
  /** maxRepaymentMultiple / expected multiple: the largest factor on the expected repayments; null = none. */
  maxRepaymentScale: number | null;
  successYearOffset: number;
  /** Gain per additional success, [t·3 + actor] for offset t + 1 and actor in PUBLIC_ACTORS order. */
  gainsPerSuccess: number[];
  additionalSuccessRateUncertainty?: SuccessRateUncertainty;
}

export type FundSimulationReserve =
  | { kind: 'none' }
  | { kind: 'shareOfCapital'; share: number }
  | { kind: 'amount'; amount: number };

export interface FundSimulationParams {
  startYear: number;
  horizonYears: number;
  injectionsByYear: number[];
  totalInjections: number;
  products: FundSimulationProductParams[];
  minimumTicket: number;
  allowPartialTickets: boolean;
  maxNewPartnershipsPerYear: number | null;
  reserve: FundSimulationReserve;
  operatingCostPerYear: number;
  managementFeeRate: number;
  stopReinvestingInLastYears: number;
  commonFactorCv: number;
  cohortSamplingNoise: boolean;
  /** Discount factor of each fund year to the start year, for the NPV of gains. */
  discountFactors: number[];
}

export function fundSimulationParams(input: FundInput): FundSimulationParams {
  return simulationParamsOf(normalizeFund(input));
}

export function simulationParamsOf(fund: NormalizedFund): FundSimulationParams {
  const reserve: FundSimulationReserve =
    fund.reserve.kind === 'none'
      ? { kind: 'none' }
      : fund.reserve.kind === 'amount'
        ? { kind: 'amount', amount: fund.reserve.amount.toNumber() }
        : { kind: 'shareOfCapital', share: fund.reserve.share.toNumber() };
  return {
    startYear: fund.startYear,
    horizonYears: fund.horizonYears,
    injectionsByYear: fund.injectionsByYear.map((amount) => amount.toNumber()),
    totalInjections: fund.totalInjections.toNumber(),
    products: fund.products.map((product) => ({
      id: product.id,
      mixShare: product.mixShare,
      investment: product.investment.toNumber(),
      participantsPerKrone: product.participantsPerKrone.toNumber(),
      completionRate: 1 - product.dropoutRate.toNumber(),
      grossSuccessRate: product.grossSuccessRate.toNumber(),
      deadweightRate: product.deadweightRate.toNumber(),
      additionalSuccessRate: product.additionalSuccessRate.toNumber(),
      employmentShare: product.employmentShare.toNumber(),
      kommunerPerPartnership: product.kommunerPerPartnership,
      repaymentPerKrone: product.repaymentPerKrone.map((value) => value.toNumber()),
      maxRepaymentScale:
        product.maxRepaymentMultiple === null || product.expectedMultiple.isZero()
          ? null
          : product.maxRepaymentMultiple.div(product.expectedMultiple).toNumber(),
      successYearOffset: product.successYearOffset,
      gainsPerSuccess: product.gainsPerSuccess.flatMap((byActor) =>
        PUBLIC_ACTORS.map((actor) => byActor[actor].toNumber()),
      ),
      ...(product.successRateUncertainty === undefined
        ? {}
        : { additionalSuccessRateUncertainty: product.successRateUncertainty }),
    })),
    minimumTicket: fund.minimumTicket.toNumber(),
    allowPartialTickets: fund.allowPartialTickets,
    maxNewPartnershipsPerYear: fund.maxNewPartnershipsPerYear,
    reserve,
    operatingCostPerYear: fund.operatingCostPerYear.toNumber(),
    managementFeeRate: fund.managementFeeRate.toNumber(),
    stopReinvestingInLastYears: fund.stopReinvestingInLastYears,
    commonFactorCv: fund.commonFactorCv,
    cohortSamplingNoise: fund.cohortSamplingNoise,
    discountFactors: Array.from({ length: fund.horizonYears }, (_, yearIndex) =>
      discountFactor(yearIndex, fund.discountSchedule).toNumber(),
    ),
  };
}
