import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money, ZERO } from '../shared/decimal';
import { InvalidInputError } from '../shared/errors';
import type { ActorAmounts } from '../som';
import type { GainProfile } from '../som/types';
import { fundArbitrary } from './fund-arbitrary.fixture';
import { flatGainProfile, fundOf, ipsProduct } from './fund.fixture';
import type { PublicGains, PublicGainsByArea } from './gains';
import { projectFund } from './projection';
import { fundProjectionToJson } from './projection-json';
import type { FundInput } from './types';

/** Gains per success by area and actor, the same in each of `years` years; byActor is their sum. */
type AreaCells = Partial<Record<WelfareArea, Partial<Record<PublicActor, Decimal.Value>>>>;
function areaGainProfile(cells: AreaCells, years: number): GainProfile {
  const byArea = () =>
    Object.fromEntries(
      WELFARE_AREAS.map((area) => [
        area,
        Object.fromEntries(
          PUBLIC_ACTORS.map((actor) => [actor, new Money(cells[area]?.[actor] ?? 0)]),
        ),
      ]),
    ) as Record<WelfareArea, Record<PublicActor, Decimal>>;
  return {
    measureId: 'test-measure',
    priceYear: 2024,
    years,
    offsets: Array.from({ length: years }, () => {
      const areas = byArea();
      const byActor = Object.fromEntries(
        PUBLIC_ACTORS.map((actor) => [
          actor,
          Money.sum(ZERO, ...WELFARE_AREAS.map((area) => areas[area][actor])),
        ]),
      ) as Record<PublicActor, Decimal>;
      return { byActor, byArea: areas };
    }),
  };
}

const cells = (amounts: ActorAmounts) =>
  [amounts.kommune, amounts.region, amounts.stat, amounts.total].map((v) => v.toFixed(2));

describe('projectFund: SØM gains by welfare area', () => {
  // One partnership in 2024 with 15.026087 additional successes in 2025 (the existing hand case:
  // 4,000,000 × 180 / 6,900,000 × 0.9 × 0.16), gains in 2026 and 2027 per success: kommune
  // 1,000 kr. in thirds over health, social services and justice; region 100 in health; stat 10
  // in income tax. Horizon 2024–2026, discounted at 5%.
  const third = new Money(1000).div(3);
  const projection = projectFund(
    fundOf({
      horizonYears: 3,
      discountRate: 0.05,
      injections: [{ year: 2024, amount: '4000000' }],
      products: [
        ipsProduct({
          gainProfile: areaGainProfile(
            {
              health: { kommune: third, region: 100 },
              social_services: { kommune: third },
              justice: { kommune: third },
              income_tax: { stat: 10 },
            },
            2,
          ),
        }),
      ],
      stopReinvestingInLastYears: 3,
    }),
  );
  const year2026 = projection.years[2].publicGainsByArea;

  it('splits a year’s nominal gains of each actor over the areas, summing to the actor’s cell', () => {
    // Kommune 2026: 15,026.09 booked; each area 15.026087 × 333.33… = 5,008.6957: floors 5,008.69
    // × 3 = 15,026.07, the 2 øre left to the earlier areas: 5,008.70, 5,008.70, 5,008.69.
    expect(cells(year2026.health.nominal)).toEqual(['5008.70', '1502.61', '0.00', '6511.31']);
    expect(cells(year2026.social_services.nominal)).toEqual(['5008.70', '0.00', '0.00', '5008.70']);
    expect(cells(year2026.justice.nominal)).toEqual(['5008.69', '0.00', '0.00', '5008.69']);
    expect(cells(year2026.income_tax.nominal)).toEqual(['0.00', '0.00', '150.26', '150.26']);
    expect(cells(projection.years[2].publicGains.nominal)).toEqual([
      '15026.09',
      '1502.61',
      '150.26',
      '16678.96',
    ]);
  });

  it('splits the discounted gains the same way, to the actor’s discounted cell', () => {
    // Kommune NPV 2026: 13,629.10 booked; each area 5,008.6957 / 1.05² = 4,543.0346: floors
    // 4,543.03 × 3 = 13,629.09, the 1 øre left to health.
    expect(cells(year2026.health.npv)).toEqual(['4543.04', '1362.91', '0.00', '5905.95']);
    expect(cells(year2026.social_services.npv)).toEqual(['4543.03', '0.00', '0.00', '4543.03']);
    expect(cells(year2026.justice.npv)).toEqual(['4543.03', '0.00', '0.00', '4543.03']);
    expect(cells(year2026.income_tax.npv)).toEqual(['0.00', '0.00', '136.29', '136.29']);
  });

  it('gives the horizon and lifetime totals by area in the JSON, within and after the horizon', () => {
    const json = fundProjectionToJson(projection);
    // Within the horizon only 2026 gains: the totals are 2026's cells.
    expect(json.publicGainsByArea.health.nominal).toEqual({
      kommune: '5008.70',
      region: '1502.61',
      stat: '0.00',
      total: '6511.31',
    });
    expect(json.byYear[2].publicGainsByArea.justice.npv.kommune).toBe('4543.03');
    expect(json.byYear[0].publicGainsByArea.health.nominal.total).toBe('0.00');
    // Lifetime adds 2027: nominal as 2026 (5,008.70 + 5,008.70 = 10,017.40); discounted 1/1.05³:
    // 4,326.6996 each, floors 4,326.69 × 3 = 12,980.07 of 12,980.10 booked, so each gets an øre:
    // health 4,543.04 + 4,326.70 = 8,869.74.
    expect(json.publicGainsLifetimeByArea.health.nominal.kommune).toBe('10017.40');
    expect(json.publicGainsLifetimeByArea.health.npv.kommune).toBe('8869.74');
  });

  it('rejects a gain profile whose areas do not sum to its actors, naming the offset', () => {
    const profile = flatGainProfile({ kommune: 1000, region: 0, stat: 0 }, 2);
    profile.offsets[1].byArea.income_transfers.kommune = new Money(999);
    let caught: unknown;
    try {
      projectFund(fundOf({ products: [ipsProduct({ gainProfile: profile })] }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).violations).toEqual([
      {
        path: '/products/0/gainProfile/offsets/1/byArea',
        message: expect.stringContaining('the areas differ from byActor for kommune') as string,
      },
    ]);
  });
});

/** Fixed seed: a failure reproduces with the same inputs. */
const PROPERTY = { seed: 20240613, numRuns: 150 };
/** Largest area weight drawn; weights split each actor's gain over the areas. */
const MAX_AREA_WEIGHT = 9;

/** Each product's gains spread over the areas by drawn weights (an actor with all 0 keeps one area). */
const spreadFunds: fc.Arbitrary<FundInput> = fc
  .tuple(
    fundArbitrary,
    fc.array(fc.integer({ min: 0, max: MAX_AREA_WEIGHT }), {
      minLength: WELFARE_AREAS.length * PUBLIC_ACTORS.length,
      maxLength: WELFARE_AREAS.length * PUBLIC_ACTORS.length,
    }),
  )
  .map(([fund, weights]) => ({
    ...fund,
    products: fund.products.map((product) => {
      const profile = product.gainProfile as GainProfile;
      return {
        ...product,
        gainProfile: {
          ...profile,
          offsets: profile.offsets.map((offset) => {
            const byArea = Object.fromEntries(WELFARE_AREAS.map((area) => [area, {}])) as Record<
              WelfareArea,
              Record<PublicActor, Decimal>
            >;
            PUBLIC_ACTORS.forEach((actor, l) => {
              const w = WELFARE_AREAS.map((_, a) => weights[a * PUBLIC_ACTORS.length + l]);
              const weightSum = w.reduce((s, x) => s + x, 0);
              WELFARE_AREAS.forEach((area, a) => {
                const share = weightSum === 0 ? (a === 0 ? 1 : 0) : new Money(w[a]).div(weightSum);
                byArea[area][actor] = offset.byActor[actor].times(share);
              });
            });
            const byActor = Object.fromEntries(
              PUBLIC_ACTORS.map((actor) => [
                actor,
                Money.sum(ZERO, ...WELFARE_AREAS.map((area) => byArea[area][actor])),
              ]),
            ) as Record<PublicActor, Decimal>;
            return { byActor, byArea };
          }),
        },
      };
    }),
  }));

const BASES = ['nominal', 'npv'] as const;
const LEVELS = [...PUBLIC_ACTORS, 'total'] as const;

/** The first cell where the areas do not sum to the by-actor gains, or null. */
function areaMismatch(byArea: PublicGainsByArea, gains: PublicGains, where: string): string | null {
  for (const basis of BASES) {
    for (const level of LEVELS) {
      const sum = Money.sum(ZERO, ...WELFARE_AREAS.map((area) => byArea[area][basis][level]));
      if (!sum.eq(gains[basis][level])) {
        return `${where} ${basis} ${level}: areas sum to ${sum.toFixed(2)}, gains ${gains[basis][level].toFixed(2)}`;
      }
    }
    for (const area of WELFARE_AREAS) {
      const cell = byArea[area][basis];
      const actors = Money.sum(ZERO, ...PUBLIC_ACTORS.map((actor) => cell[actor]));
      if (!actors.eq(cell.total) || LEVELS.some((level) => cell[level].decimalPlaces() > 2)) {
        return `${where} ${basis} ${area}: actors ${actors.toFixed(2)}, total ${cell.total.toFixed(2)}`;
      }
    }
  }
  return null;
}

describe('projectFund: gains by area (property tests, fixed seed)', () => {
  it('books every year’s area cells in whole øre, summing exactly to the year’s gains by actor, nominal and discounted', () => {
    fc.assert(
      fc.property(spreadFunds, (fund) => {
        const projection = projectFund(fund);
        const mismatches = [
          ...projection.years.map((year) =>
            areaMismatch(year.publicGainsByArea, year.publicGains, String(year.year)),
          ),
          areaMismatch(projection.totals.publicGainsByArea, projection.totals.publicGains, 'total'),
          areaMismatch(
            projection.publicGainsLifetimeByArea,
            projection.publicGainsLifetime,
            'lifetime',
          ),
        ].filter((m) => m !== null);
        expect(mismatches).toEqual([]);
      }),
      PROPERTY,
    );
  });

  it('sums the yearly area cells of the JSON over the years to its horizon totals by area', () => {
    fc.assert(
      fc.property(spreadFunds, (fund) => {
        const json = fundProjectionToJson(projectFund(fund));
        for (const area of WELFARE_AREAS) {
          for (const basis of BASES) {
            for (const level of LEVELS) {
              const yearly = Money.sum(
                ZERO,
                ...json.byYear.map((year) => new Money(year.publicGainsByArea[area][basis][level])),
              );
              expect([area, basis, level, yearly.toFixed(2)]).toEqual([
                area,
                basis,
                level,
                json.publicGainsByArea[area][basis][level],
              ]);
            }
          }
        }
      }),
      PROPERTY,
    );
  });
});
