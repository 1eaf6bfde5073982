import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS, type PublicActor } from '../shared/actors';
import { allocate } from '../shared/allocate';
import { Money, ZERO, toOre } from '../shared/decimal';
import { rateDistribution } from '../simulation/beta-fit';
import {
  DEFAULT_INVESTMENT_PER_PARTNERSHIP,
  DEFAULT_KOMMUNER_PER_PARTNERSHIP,
  DEFAULT_REPAYMENT_START_AFTER_YEARS,
  DEFAULT_REPAYMENT_YEARS,
  DEFAULT_SUCCESS_YEAR_OFFSET,
  MAX_FUND_HORIZON_YEARS,
} from './defaults';
import { areaGainsPerSuccess, type ExactGainsByArea } from './gains';
import {
  KOMMUNER_IN_DENMARK,
  MAX_REPAYMENT_SPAN_YEARS,
  money,
  rate,
  wholeNumber,
  type Violations,
} from './normalize-checks';
import type { FundProduct, FundRepayment, SuccessRateUncertainty } from './types';

/** A product with defaults filled, money as Decimal and the repayment as a per-krone profile. */
export interface NormalizedProduct {
  id: string;
  /** Share of the pipeline mix: mixWeight / Σ mixWeight. */
  mixShare: number;
  investment: Decimal;
  participantsPerKrone: Decimal;
  grossSuccessRate: Decimal;
  deadweightRate: Decimal;
  dropoutRate: Decimal;
  employmentShare: Decimal;
  /** grossSuccessRate − deadweightRate: additional successes per completer. */
  additionalSuccessRate: Decimal;
  kommunerPerPartnership: number;
  /** Expected repayment per krone by year after the investment: index k − 1 holds offset k. */
  repaymentPerKrone: Decimal[];
  /** Σ repaymentPerKrone: expected total repayment per krone. */
  expectedMultiple: Decimal;
  maxRepaymentMultiple: Decimal | null;
  successYearOffset: number;
  /** SØM gain per additional success by year after the success year: index t − 1 holds offset t. */
  gainsPerSuccess: Record<PublicActor, Decimal>[];
  /** The same gains by welfare area (they sum over the areas to `gainsPerSuccess`). */
  gainsPerSuccessByArea: ExactGainsByArea[];
  successRateUncertainty?: SuccessRateUncertainty;
}

/** The per-krone profile of a stated multiple: multiple / years in each of the repayment years. */
function repaymentProfile(
  repayment: FundRepayment,
  path: string,
  violations: Violations,
): Decimal[] {
  if (repayment.mode === 'profile') {
    const profile = repayment.repaymentPerKrone;
    if (!Array.isArray(profile) || profile.length === 0) {
      violations.push({
        path: `${path}/repaymentPerKrone`,
        message: 'must list at least one year',
      });
      return [];
    }
    return profile.map((value, k) => {
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0)
        return new Money(value);
      violations.push({
        path: `${path}/repaymentPerKrone/${k}`,
        message: `must be a number >= 0, got ${JSON.stringify(value)}`,
      });
      return ZERO;
    });
  }
  if (repayment.mode !== 'multiple') {
    violations.push({ path: `${path}/mode`, message: `must be 'profile' or 'multiple'` });
    return [];
  }
  const multiple = repayment.repaymentMultiple;
  if (!(typeof multiple === 'number' && Number.isFinite(multiple) && multiple >= 0)) {
    violations.push({
      path: `${path}/repaymentMultiple`,
      message: `must be a number >= 0, got ${JSON.stringify(multiple)}`,
    });
    return [];
  }
  const years = wholeNumber(
    repayment.repaymentYears ?? DEFAULT_REPAYMENT_YEARS,
    1,
    MAX_REPAYMENT_SPAN_YEARS,
    `${path}/repaymentYears`,
    violations,
  );
  const first = wholeNumber(
    repayment.firstRepaymentAfterYears ?? DEFAULT_REPAYMENT_START_AFTER_YEARS,
    1,
    MAX_REPAYMENT_SPAN_YEARS,
    `${path}/firstRepaymentAfterYears`,
    violations,
  );
  const perYear = new Money(multiple).div(years);
  return Array.from({ length: first - 1 + years }, (_, index) =>
    index < first - 1 ? ZERO : perYear,
  );
}

export function normalizeProduct(
  product: FundProduct,
  index: number,
  weightSum: number,
  minimumTicket: Decimal,
  violations: Violations,
): NormalizedProduct {
  const path = `/products/${index}`;
  const investment = money(
    product.investmentPerPartnership ?? DEFAULT_INVESTMENT_PER_PARTNERSHIP,
    `${path}/investmentPerPartnership`,
    violations,
  );
  if (investment.lte(0))
    violations.push({ path: `${path}/investmentPerPartnership`, message: 'must be > 0' });
  if (investment.lt(minimumTicket)) {
    violations.push({
      path: `${path}/investmentPerPartnership`,
      message: `${investment.toFixed(2)} is below the fund's minimumTicket ${minimumTicket.toFixed(2)}`,
    });
  }
  const ratio = product.participantsPerKrone;
  const participants = ratio?.participants;
  if (!(typeof participants === 'number' && Number.isFinite(participants) && participants > 0)) {
    violations.push({
      path: `${path}/participantsPerKrone/participants`,
      message: `must be a number > 0, got ${JSON.stringify(participants)}`,
    });
  }
  const perAmount = money(ratio?.perAmount, `${path}/participantsPerKrone/perAmount`, violations);
  if (perAmount.lte(0))
    violations.push({ path: `${path}/participantsPerKrone/perAmount`, message: 'must be > 0' });
  const participantsPerKrone =
    perAmount.gt(0) && participants > 0 ? new Money(participants).div(perAmount) : ZERO;

  const grossSuccessRate = rate(product.grossSuccessRate, `${path}/grossSuccessRate`, violations);
  const deadweightRate = rate(product.deadweightRate, `${path}/deadweightRate`, violations);
  const additionalSuccessRate = grossSuccessRate.minus(deadweightRate);
  if (additionalSuccessRate.lte(0)) {
    violations.push({
      path: `${path}/deadweightRate`,
      message: `must be below grossSuccessRate (${grossSuccessRate.toString()}): repayments scale with the additional success rate`,
    });
  }

  const dropoutRate = rate(product.dropoutRate, `${path}/dropoutRate`, violations);
  if (dropoutRate.gte(1)) {
    violations.push({
      path: `${path}/dropoutRate`,
      message: 'must be below 1: someone must complete for success to be measured',
    });
  }

  const repaymentPerKrone = repaymentProfile(
    product.repayment ?? ({} as FundRepayment),
    `${path}/repayment`,
    violations,
  );
  const expectedMultiple = Money.sum(ZERO, ...repaymentPerKrone);
  let maxRepaymentMultiple: Decimal | null = null;
  if (product.maxRepaymentMultiple !== undefined && product.maxRepaymentMultiple !== null) {
    const cap = product.maxRepaymentMultiple;
    if (typeof cap === 'number' && Number.isFinite(cap) && cap >= 0)
      maxRepaymentMultiple = new Money(cap);
    if (maxRepaymentMultiple === null || maxRepaymentMultiple.lt(expectedMultiple)) {
      violations.push({
        path: `${path}/maxRepaymentMultiple`,
        message: `must be a number >= the expected repayment multiple ${expectedMultiple.toString()}, got ${JSON.stringify(cap)}`,
      });
    }
  }

  const gainsPerSuccess = (product.gainProfile?.offsets ?? []).map((offset) => {
    const byActor = {} as Record<PublicActor, Decimal>;
    for (const actor of PUBLIC_ACTORS) byActor[actor] = new Money(offset.byActor[actor]);
    return byActor;
  });
  const gainsPerSuccessByArea = areaGainsPerSuccess(
    product.gainProfile?.offsets ?? [],
    gainsPerSuccess,
    `${path}/gainProfile`,
    violations,
  );

  const uncertainty = product.additionalSuccessRateUncertainty;
  if (uncertainty !== undefined && additionalSuccessRate.gt(0)) {
    try {
      rateDistribution(
        { mean: additionalSuccessRate.toNumber(), ...uncertainty },
        'additionalSuccessRateUncertainty',
      );
    } catch (error) {
      violations.push({
        path: `${path}/additionalSuccessRateUncertainty`,
        message: (error as Error).message,
      });
    }
  }

  const mixWeight = product.mixWeight;
  if (!(typeof mixWeight === 'number' && Number.isFinite(mixWeight) && mixWeight > 0)) {
    violations.push({
      path: `${path}/mixWeight`,
      message: `must be a number > 0, got ${JSON.stringify(mixWeight)}`,
    });
  }

  return {
    id: product.id,
    mixShare: mixWeight / weightSum,
    investment,
    participantsPerKrone,
    grossSuccessRate,
    deadweightRate,
    dropoutRate,
    employmentShare: rate(product.employmentShare, `${path}/employmentShare`, violations),
    additionalSuccessRate,
    kommunerPerPartnership: wholeNumber(
      product.kommunerPerPartnership ?? DEFAULT_KOMMUNER_PER_PARTNERSHIP,
      1,
      KOMMUNER_IN_DENMARK,
      `${path}/kommunerPerPartnership`,
      violations,
    ),
    repaymentPerKrone,
    expectedMultiple,
    maxRepaymentMultiple,
    successYearOffset: wholeNumber(
      product.successYearOffset ?? DEFAULT_SUCCESS_YEAR_OFFSET,
      0,
      MAX_FUND_HORIZON_YEARS,
      `${path}/successYearOffset`,
      violations,
    ),
    gainsPerSuccess,
    gainsPerSuccessByArea,
    successRateUncertainty: uncertainty,
  };
}

/**
 * The øre amounts one partnership of `investment` is expected to repay, by year after the
 * investment: the total toOre(investment × expected multiple) (half-even) split over the
 * profile by largest remainder, so the parts add up to the total exactly (a multiple of 1.0
 * repays the principal to the øre, never 1 øre short).
 */
export function expectedRepaymentSchedule(
  product: NormalizedProduct,
  investment: Decimal,
): Decimal[] {
  const total = toOre(investment.times(product.expectedMultiple));
  return allocate(total, product.repaymentPerKrone);
}
