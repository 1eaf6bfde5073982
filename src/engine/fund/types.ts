import type { MoneyString, Rate } from '../contract/types';
import type { GainProfile } from '../som/types';

/**
 * The reinvestment fund (DSI's capital) as plain data: the shape of the `fund` and `products`
 * parts of a scenario under `simulations/` once its contract templates are resolved, and of an
 * HTTP body. Conventions follow the contract model: money is a decimal string in kroner with at
 * most 2 decimals, rates are numbers in [0, 1], years are calendar years.
 */

/** Capital paid into the fund at the start of a calendar year (kapitalindskud). */
export interface FundInjection {
  year: number;
  amount: MoneyString;
}

/**
 * How one partnership repays the fund, per krone invested.
 * - 'profile': the expected repayment per krone in each year after the investment year
 *   (`repaymentPerKrone[k − 1]` = offset k), taken from the contract engine's investor cash flows.
 * - 'multiple': a stated total `repaymentMultiple` per krone (1.10 = principal + 10%), paid in
 *   `repaymentYears` equal parts, the first `firstRepaymentAfterYears` after the investment year.
 */
export type FundRepayment =
  | { mode: 'profile'; repaymentPerKrone: number[] }
  | {
      mode: 'multiple';
      repaymentMultiple: number;
      /** Default 5 (DSI's projection). */
      repaymentYears?: number;
      /** Default 1 (DSI's projection); at least 1: nothing is repaid in the investment year. */
      firstRepaymentAfterYears?: number;
    };

/** Uncertainty of a product's additional success rate across partnerships (a Beta around its mean). */
export interface SuccessRateUncertainty {
  /** [5% quantile, 95% quantile] of the additional success rate. */
  interval90?: [number, number];
  /** As uncertain as a rate observed on this many people: Beta(mean·n, (1 − mean)·n). */
  effectiveSampleSize?: number;
}

/**
 * A contract "product": what one partnership (one kommune) looks like. Rates follow the contract
 * model: `dropoutRate` of the participants drop out (frafald); of the completers,
 * `grossSuccessRate` succeed, of whom `deadweightRate` (dødvægt, percentage points of completers)
 * would have succeeded anyway.
 */
export interface FundProduct {
  id: string;
  /** The contract template the numbers come from (e.g. 'ips-holbaek'); informative here. */
  contractTemplate?: string;
  /** Relative weight of this product in the pipeline (weights need not sum to 1). */
  mixWeight: number;
  /** The ticket: capital one partnership takes. Default 4,000,000 kr. (DSI's average investment). */
  investmentPerPartnership?: MoneyString;
  /** Participants per krone invested, as a ratio: IPS Holbæk has 180 participants for 6,900,000 kr. */
  participantsPerKrone: { participants: number; perAmount: MoneyString };
  grossSuccessRate: Rate;
  deadweightRate: Rate;
  dropoutRate: Rate;
  /** Share of the participants started who get employment (DSI's projection: 40%). */
  employmentShare: Rate;
  /** Partner kommuner per partnership; default 1 (one partnership ≈ one kommune). */
  kommunerPerPartnership?: number;
  repayment: FundRepayment;
  /**
   * Afkastloft in the Monte Carlo: total repayment per krone never exceeds this multiple,
   * however well the partnership does. Absent or null: no cap. Must be ≥ the expected multiple.
   */
  maxRepaymentMultiple?: number | null;
  /** Years from the partnership's start to the year its successes are achieved; default 1. */
  successYearOffset?: number;
  /** SØM gains per additional success, by year after the success year and actor. */
  gainProfile?: GainProfile;
  /** Monte Carlo only: how the additional success rate varies between partnerships. Absent: fixed. */
  additionalSuccessRateUncertainty?: SuccessRateUncertainty;
}

/** Capital kept uninvested: a share of the capital injected to date, or a fixed amount. */
export type LiquidityReserve = { shareOfCapital: Rate } | { amount: MoneyString };

export interface FundInput {
  /** Calendar year of the fund's first year; also the base year of every NPV. */
  startYear: number;
  /** Default 6 (DSI's projection, 2024–2029). */
  horizonYears?: number;
  injections: FundInjection[];
  products: FundProduct[];
  /** No partnership starts with less than this. Default 0. */
  minimumTicket?: MoneyString;
  /**
   * Default false: a partnership starts only with its full ticket, and money short of a ticket
   * waits for the next year. True: when the next ticket does not fit, a smaller partnership
   * (participants in proportion) starts with all the money available, if at least `minimumTicket`.
   */
  allowPartialTickets?: boolean;
  /** Default null: no limit. */
  maxNewPartnershipsPerYear?: number | null;
  /** Default: no reserve. */
  liquidityReserve?: LiquidityReserve;
  /** Fixed operating costs per year. Default 0. */
  operatingCostPerYear?: MoneyString;
  /** Management fee per year as a share of the capital injected to date. Default 0. */
  managementFeeRate?: Rate;
  /**
   * In the last N years of the horizon repaid money is no longer reinvested: new partnerships
   * may use only capital injected and never deployed. Default 0; N = horizonYears: never reinvest.
   */
  stopReinvestingInLastYears?: number;
  /** Flat yearly discount rate for NPVs; default the Finance Ministry's 2021 schedule (3.5%). */
  discountRate?: number;
  /** Monte Carlo only. */
  uncertainty?: FundUncertainty;
}

export interface FundUncertainty {
  /**
   * A factor shared by every partnership started in the same year of a trial, multiplying its
   * additional success rate: lognormal with mean 1 and this coefficient of variation.
   */
  commonFactor?: { coefficientOfVariation: number };
  /**
   * Default true: a partnership's additional successes are a binomial draw over its whole
   * completers (a finite cohort's chance). False: exactly completers × the drawn rate, so with no
   * other uncertainty every trial is the deterministic projection (the engines' cross-check).
   */
  cohortSamplingNoise?: boolean;
}
