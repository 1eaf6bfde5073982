import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money } from '../shared/decimal';
import type Decimal from 'decimal.js';
import type { GainProfile } from '../som/types';
import type { FundInput, FundProduct } from './types';

/**
 * Test fixtures. The IPS product carries the Holbæk case's numbers (DOMAIN.md §1): 180
 * participants for 6.9 mio. kr., 40% gross success of which 24 points deadweight, 10% dropout,
 * 40% of participants in employment, tickets of 4 mio. kr. repaid 1.10× over five years.
 */
export function ipsProduct(overrides: Partial<FundProduct> = {}): FundProduct {
  return {
    id: 'ips',
    mixWeight: 1,
    investmentPerPartnership: '4000000',
    participantsPerKrone: { participants: 180, perAmount: '6900000' },
    grossSuccessRate: 0.4,
    deadweightRate: 0.24,
    dropoutRate: 0.1,
    employmentShare: 0.4,
    repayment: {
      mode: 'multiple',
      repaymentMultiple: 1.1,
      repaymentYears: 5,
      firstRepaymentAfterYears: 1,
    },
    ...overrides,
  };
}

export function fundOf(overrides: Partial<FundInput> = {}): FundInput {
  return {
    startYear: 2024,
    horizonYears: 6,
    injections: [{ year: 2024, amount: '25000000' }],
    products: [ipsProduct()],
    ...overrides,
  };
}

/**
 * A gain profile with the same gain per success in each of `years` years after success, all of
 * it in one welfare area (`area`), so the areas sum to the actors as the SØM engine's do.
 */
export function flatGainProfile(
  perYear: Record<PublicActor, number>,
  years: number,
  area: WelfareArea = 'income_transfers',
): GainProfile {
  const amounts = (gain: (actor: PublicActor) => number) =>
    Object.fromEntries(PUBLIC_ACTORS.map((actor) => [actor, new Money(gain(actor))])) as Record<
      PublicActor,
      Decimal
    >;
  return {
    measureId: 'test-measure',
    priceYear: 2024,
    years,
    offsets: Array.from({ length: years }, () => ({
      byActor: amounts((actor) => perYear[actor]),
      byArea: Object.fromEntries(
        WELFARE_AREAS.map((each) => [
          each,
          amounts((actor) => (each === area ? perYear[actor] : 0)),
        ]),
      ) as Record<WelfareArea, Record<PublicActor, Decimal>>,
    })),
  };
}
