import fc from 'fast-check';
import { flatGainProfile } from './fund.fixture';
import type { FundInput, FundProduct, FundRepayment, LiquidityReserve } from './types';

/**
 * fast-check generators of valid funds for the property tests: every rule of the model is
 * switched on somewhere (several products, both repayment modes, reserves, fees, partial
 * tickets, limits, stop-reinvesting, repayments below the principal).
 */

/** Kroner with whole øre, as the model's money strings. */
function moneyString(minOre: number, maxOre: number): fc.Arbitrary<string> {
  return fc.integer({ min: minOre, max: maxOre }).map((ore) => (ore / 100).toFixed(2));
}

/** A number with at most `decimals` decimals in [min, max]. */
function decimalNumber(min: number, max: number, decimals: number): fc.Arbitrary<number> {
  const scale = 10 ** decimals;
  return fc
    .integer({ min: Math.round(min * scale), max: Math.round(max * scale) })
    .map((units) => units / scale);
}

const repaymentArbitrary: fc.Arbitrary<FundRepayment> = fc.oneof(
  fc.record({
    mode: fc.constant('multiple' as const),
    repaymentMultiple: decimalNumber(0, 2, 3),
    repaymentYears: fc.integer({ min: 1, max: 6 }),
    firstRepaymentAfterYears: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    mode: fc.constant('profile' as const),
    repaymentPerKrone: fc.array(decimalNumber(0, 0.6, 3), { minLength: 1, maxLength: 6 }),
  }),
);

function productArbitrary(index: number): fc.Arbitrary<FundProduct> {
  return fc
    .record({
      mixWeight: decimalNumber(0.1, 5, 2),
      investment: fc.integer({ min: 10_000_000, max: 800_000_000 }),
      participants: fc.integer({ min: 10, max: 400 }),
      perAmount: moneyString(100_000_000, 1_000_000_000),
      grossSuccessRate: decimalNumber(0.05, 0.9, 3),
      deadweightShare: decimalNumber(0, 0.9, 2),
      dropoutRate: decimalNumber(0, 0.5, 3),
      employmentShare: decimalNumber(0, 1, 3),
      kommunerPerPartnership: fc.integer({ min: 1, max: 3 }),
      repayment: repaymentArbitrary,
      successYearOffset: fc.integer({ min: 0, max: 2 }),
      gains: fc.record({
        kommune: decimalNumber(-5000, 50000, 2),
        region: decimalNumber(0, 20000, 2),
        stat: decimalNumber(0, 50000, 2),
      }),
      gainYears: fc.integer({ min: 0, max: 6 }),
    })
    .map((drawn) => ({
      id: `product-${index}`,
      mixWeight: drawn.mixWeight,
      investmentPerPartnership: (drawn.investment / 100).toFixed(2),
      participantsPerKrone: { participants: drawn.participants, perAmount: drawn.perAmount },
      grossSuccessRate: drawn.grossSuccessRate,
      // Deadweight as a share of the gross rate keeps it strictly below the gross rate.
      deadweightRate: Math.round(drawn.grossSuccessRate * drawn.deadweightShare * 1e5) / 1e5,
      dropoutRate: drawn.dropoutRate,
      employmentShare: drawn.employmentShare,
      kommunerPerPartnership: drawn.kommunerPerPartnership,
      repayment: drawn.repayment,
      successYearOffset: drawn.successYearOffset,
      gainProfile: flatGainProfile(drawn.gains, drawn.gainYears),
    }));
}

const reserveArbitrary: fc.Arbitrary<LiquidityReserve | undefined> = fc.oneof(
  fc.constant(undefined),
  decimalNumber(0, 0.5, 2).map((share) => ({ shareOfCapital: share })),
  moneyString(0, 300_000_000).map((amount) => ({ amount })),
);

export const fundArbitrary: fc.Arbitrary<FundInput> = fc
  .record({
    horizonYears: fc.integer({ min: 1, max: 8 }),
    injections: fc.array(
      fc.record({
        yearOffset: fc.integer({ min: 0, max: 7 }),
        amount: moneyString(0, 5_000_000_000),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    productCount: fc.integer({ min: 1, max: 3 }),
    products: fc.tuple(productArbitrary(0), productArbitrary(1), productArbitrary(2)),
    minimumTicketShare: decimalNumber(0, 1, 2),
    allowPartialTickets: fc.boolean(),
    maxNewPartnershipsPerYear: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    liquidityReserve: reserveArbitrary,
    operatingCostPerYear: moneyString(0, 50_000_000),
    managementFeeRate: decimalNumber(0, 0.05, 3),
    stopReinvesting: fc.integer({ min: 0, max: 8 }),
  })
  .map((drawn) => {
    const products = drawn.products.slice(0, drawn.productCount);
    const smallestTicketOre = Math.min(
      ...products.map((product) => Math.round(Number(product.investmentPerPartnership) * 100)),
    );
    return {
      startYear: 2024,
      horizonYears: drawn.horizonYears,
      injections: drawn.injections.map((injection) => ({
        year: 2024 + (injection.yearOffset % drawn.horizonYears),
        amount: injection.amount,
      })),
      products,
      minimumTicket: (Math.floor(smallestTicketOre * drawn.minimumTicketShare) / 100).toFixed(2),
      allowPartialTickets: drawn.allowPartialTickets,
      maxNewPartnershipsPerYear: drawn.maxNewPartnershipsPerYear,
      ...(drawn.liquidityReserve === undefined ? {} : { liquidityReserve: drawn.liquidityReserve }),
      operatingCostPerYear: drawn.operatingCostPerYear,
      managementFeeRate: drawn.managementFeeRate,
      stopReinvestingInLastYears: Math.min(drawn.stopReinvesting, drawn.horizonYears),
    };
  });
