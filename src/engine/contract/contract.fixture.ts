import Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money } from '../shared/decimal';
import type { GainProfile } from '../som/types';
import type { Contract } from './types';

/**
 * Hand-sized contracts and gain profiles for the unit tests, small enough to project by hand.
 */
export const TEST_MEASURE = 'test-measure';

/**
 * A gain profile with the given gain per success for each year after the success year
 * ([kommune, region, stat] kroner per offset); each level's gain is booked in one area
 * (kommune: income_transfers, region: health, stat: income_tax) so area totals are checkable.
 */
export function handGains(
  perOffset: [Decimal.Value, Decimal.Value, Decimal.Value][],
  priceYear = 2024,
  measureId = TEST_MEASURE,
): GainProfile {
  const areaOf: Record<PublicActor, WelfareArea> = {
    kommune: 'income_transfers',
    region: 'health',
    stat: 'income_tax',
  };
  return {
    measureId,
    priceYear,
    years: perOffset.length,
    offsets: perOffset.map((values) => {
      const byActor = Object.fromEntries(
        PUBLIC_ACTORS.map((actor, a) => [actor, new Money(values[a])]),
      ) as Record<PublicActor, Decimal>;
      const byArea = Object.fromEntries(
        WELFARE_AREAS.map((area) => [
          area,
          Object.fromEntries(
            PUBLIC_ACTORS.map((actor) => [
              actor,
              areaOf[actor] === area ? byActor[actor] : new Money(0),
            ]),
          ),
        ]),
      ) as Record<WelfareArea, Record<PublicActor, Decimal>>;
      return { byActor, byArea };
    }),
  };
}

/** No gains at all: for tests about payments only. */
export const NO_GAINS = handGains([]);

/**
 * 100 participants all starting in year 1, cost 1,000,000 kr. spent in year 1 and borne by the
 * kommune, no dropout, 40% gross success of whom 20 points deadweight, outcomes measured one year
 * after the start (year 2), horizon 6 years from 2024 in 2024 prices.
 * So: 100 measured in year 2, 40 gross successes, 20 additional successes.
 */
export function baseContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'test-contract',
    name: 'Test contract',
    startYear: 2024,
    priceYear: 2024,
    horizonYears: 6,
    parties: [
      { id: 'testkommune', name: 'Testkommune', role: 'authority', level: 'kommune' },
      { id: 'provider', name: 'Provider', role: 'provider' },
    ],
    intervention: {
      targetGroupId: 'test-group',
      successMeasureId: TEST_MEASURE,
      participants: 100,
      intake: [1],
      cost: { total: '1000000' },
      interventionYears: 1,
      grossSuccessRate: 0.4,
      deadweightRate: 0.2,
      dropoutRate: 0,
      outcomeLagYears: 1,
    },
    costBearer: 'authority',
    ...overrides,
  };
}

/** The base contract pre-financed by one investor (one senior tranche at `interestRate`). */
export function investorContract(
  capital: Partial<Contract['capital']> = {},
  overrides: Partial<Contract> = {},
): Contract {
  const base = baseContract();
  return {
    ...base,
    parties: [...base.parties, { id: 'investor', name: 'Investor', role: 'investor' }],
    costBearer: 'investors',
    capital: {
      commitment: '1000000',
      tranches: [{ id: 'senior', seniority: 'senior', share: 1, interestRate: 0.05 }],
      ...capital,
    },
    ...overrides,
  };
}
