import type Decimal from 'decimal.js';
import { MAX_CONTRACT_YEAR, MIN_CONTRACT_YEAR } from '../contract/defaults';
import { Money, ZERO } from '../shared/decimal';
import {
  FINANCE_MINISTRY_2021_SCHEDULE,
  flatDiscountSchedule,
  type DiscountSchedule,
} from '../shared/discount';
import { InvalidInputError } from '../shared/errors';
import { DEFAULT_FUND_HORIZON_YEARS, MAX_FUND_HORIZON_YEARS } from './defaults';
import { money, rate, wholeNumber, type Violations } from './normalize-checks';
import { normalizeProduct, type NormalizedProduct } from './normalize-product';
import type { FundInput } from './types';

export { expectedRepaymentSchedule, type NormalizedProduct } from './normalize-product';

export type NormalizedReserve =
  | { kind: 'none' }
  | { kind: 'shareOfCapital'; share: Decimal }
  | { kind: 'amount'; amount: Decimal };

export interface NormalizedFund {
  startYear: number;
  horizonYears: number;
  /** Capital injected at the start of each fund year (index = year − startYear). */
  injectionsByYear: Decimal[];
  totalInjections: Decimal;
  products: NormalizedProduct[];
  minimumTicket: Decimal;
  allowPartialTickets: boolean;
  /** null: no limit. */
  maxNewPartnershipsPerYear: number | null;
  reserve: NormalizedReserve;
  operatingCostPerYear: Decimal;
  managementFeeRate: Decimal;
  stopReinvestingInLastYears: number;
  discountSchedule: DiscountSchedule;
  /** Coefficient of variation of the yearly common factor; 0 = none. */
  commonFactorCv: number;
  cohortSamplingNoise: boolean;
}

/**
 * Checks a fund and fills its defaults. Throws InvalidInputError listing every violated path
 * (JSON pointers into the input) with what was expected and the value found.
 */
export function normalizeFund(input: FundInput): NormalizedFund {
  const violations: Violations = [];
  const startYear = wholeNumber(
    input.startYear,
    MIN_CONTRACT_YEAR,
    MAX_CONTRACT_YEAR,
    '/startYear',
    violations,
  );
  const horizonYears = wholeNumber(
    input.horizonYears ?? DEFAULT_FUND_HORIZON_YEARS,
    1,
    MAX_FUND_HORIZON_YEARS,
    '/horizonYears',
    violations,
  );
  const minimumTicket = money(input.minimumTicket ?? '0', '/minimumTicket', violations);

  const injectionsByYear = Array.from({ length: horizonYears }, () => ZERO);
  if (!Array.isArray(input.injections) || input.injections.length === 0) {
    violations.push({ path: '/injections', message: 'must list at least one injection' });
  } else {
    input.injections.forEach((injection, index) => {
      const amount = money(injection.amount, `/injections/${index}/amount`, violations);
      const yearIndex = injection.year - startYear;
      if (!(Number.isInteger(yearIndex) && yearIndex >= 0 && yearIndex < horizonYears)) {
        violations.push({
          path: `/injections/${index}/year`,
          message: `must be a year in ${startYear}–${startYear + horizonYears - 1}, got ${JSON.stringify(injection.year)}`,
        });
        return;
      }
      injectionsByYear[yearIndex] = injectionsByYear[yearIndex].plus(amount);
    });
  }

  const products = Array.isArray(input.products) ? input.products : [];
  if (products.length === 0)
    violations.push({ path: '/products', message: 'must list at least one product' });
  const ids = new Set<string>();
  products.forEach((product, index) => {
    if (typeof product.id !== 'string' || product.id.length === 0) {
      violations.push({ path: `/products/${index}/id`, message: 'must be a non-empty string' });
    } else if (ids.has(product.id)) {
      violations.push({
        path: `/products/${index}/id`,
        message: `duplicate product id '${product.id}'`,
      });
    }
    ids.add(product.id);
  });
  const weightSum = products.reduce(
    (sum, product) => sum + (product.mixWeight > 0 ? product.mixWeight : 0),
    0,
  );
  const normalizedProducts = products.map((product, index) =>
    normalizeProduct(product, index, weightSum, minimumTicket, violations),
  );

  let maxNewPartnershipsPerYear: number | null = null;
  if (input.maxNewPartnershipsPerYear !== undefined && input.maxNewPartnershipsPerYear !== null) {
    maxNewPartnershipsPerYear = wholeNumber(
      input.maxNewPartnershipsPerYear,
      0,
      Number.MAX_SAFE_INTEGER,
      '/maxNewPartnershipsPerYear',
      violations,
    );
  }

  let reserve: NormalizedReserve = { kind: 'none' };
  const givenReserve = input.liquidityReserve;
  if (givenReserve !== undefined) {
    const hasShare = 'shareOfCapital' in givenReserve;
    const hasAmount = 'amount' in givenReserve;
    if (hasShare === hasAmount) {
      violations.push({
        path: '/liquidityReserve',
        message: 'give exactly one of shareOfCapital and amount',
      });
    } else if (hasShare) {
      reserve = {
        kind: 'shareOfCapital',
        share: rate(givenReserve.shareOfCapital, '/liquidityReserve/shareOfCapital', violations),
      };
    } else {
      reserve = {
        kind: 'amount',
        amount: money(givenReserve.amount, '/liquidityReserve/amount', violations),
      };
    }
  }

  let discountSchedule: DiscountSchedule = FINANCE_MINISTRY_2021_SCHEDULE;
  if (input.discountRate !== undefined) {
    if (
      typeof input.discountRate === 'number' &&
      Number.isFinite(input.discountRate) &&
      input.discountRate > -1
    ) {
      discountSchedule = flatDiscountSchedule(new Money(input.discountRate));
    } else {
      violations.push({
        path: '/discountRate',
        message: `must be a number > -1, got ${JSON.stringify(input.discountRate)}`,
      });
    }
  }

  const commonFactorCv = input.uncertainty?.commonFactor?.coefficientOfVariation ?? 0;
  if (
    !(typeof commonFactorCv === 'number' && Number.isFinite(commonFactorCv) && commonFactorCv >= 0)
  ) {
    violations.push({
      path: '/uncertainty/commonFactor/coefficientOfVariation',
      message: `must be a number >= 0, got ${JSON.stringify(commonFactorCv)}`,
    });
  }

  const managementFeeRate = rate(input.managementFeeRate ?? 0, '/managementFeeRate', violations);
  const operatingCostPerYear = money(
    input.operatingCostPerYear ?? '0',
    '/operatingCostPerYear',
    violations,
  );
  const stopReinvestingInLastYears = wholeNumber(
    input.stopReinvestingInLastYears ?? 0,
    0,
    horizonYears,
    '/stopReinvestingInLastYears',
    violations,
  );
  const cohortSamplingNoise = input.uncertainty?.cohortSamplingNoise ?? true;
  if (typeof cohortSamplingNoise !== 'boolean') {
    violations.push({ path: '/uncertainty/cohortSamplingNoise', message: 'must be true or false' });
  }
  const allowPartialTickets = input.allowPartialTickets ?? false;
  if (typeof allowPartialTickets !== 'boolean') {
    violations.push({ path: '/allowPartialTickets', message: 'must be true or false' });
  }

  if (violations.length > 0) throw new InvalidInputError(violations);
  return {
    startYear,
    horizonYears,
    injectionsByYear,
    totalInjections: Money.sum(ZERO, ...injectionsByYear),
    products: normalizedProducts,
    minimumTicket,
    allowPartialTickets,
    maxNewPartnershipsPerYear,
    reserve,
    operatingCostPerYear,
    managementFeeRate,
    stopReinvestingInLastYears,
    discountSchedule,
    commonFactorCv,
    cohortSamplingNoise,
  };
}
