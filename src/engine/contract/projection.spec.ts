import fc from 'fast-check';
import type Decimal from 'decimal.js';
import { PUBLIC_ACTORS, WELFARE_AREAS, type PublicActor, type WelfareArea } from '../shared/actors';
import { Money } from '../shared/decimal';
import type { GainProfile } from '../som/types';
import { baseContract, handGains, NO_GAINS, TEST_MEASURE } from './contract.fixture';
import { projectContract, type ByLevel } from './projection';
import { projectionToJson } from './projection-json';
import type { Contract } from './types';

/**
 * The Holbæk IPS case in small: 180 participants, 6.9 mio. kr. borne by the kommune, 10%
 * dropout, 40% gross success of whom 24 points deadweight, measured one year after the start.
 * Hand-made gains per additional success: kommune 50,000, region 2,000, stat 30,000 a year for
 * 5 years after the success.
 */
function ipsLike(overrides: Partial<Contract> = {}): Contract {
  const base = baseContract();
  return {
    ...base,
    intervention: {
      ...base.intervention,
      participants: 180,
      cost: { total: '6900000' },
      dropoutRate: 0.1,
      grossSuccessRate: 0.4,
      deadweightRate: 0.24,
    },
    ...overrides,
  };
}
const ipsGains = handGains(Array.from({ length: 5 }, () => [50000, 2000, 30000]));

describe('projection of a business case the kommune pays as spent', () => {
  const p = projectContract(ipsLike(), ipsGains);

  it('counts additional successes after dropout and deadweight', () => {
    // 180 × (1 − 10%) = 162 completers; × 40% = 64.8 gross; × (40% − 24%) = 25.92 additional
    expect(p.outcomes.completers.toString()).toBe('162');
    expect(p.outcomes.grossSuccesses.toString()).toBe('64.8');
    expect(p.outcomes.additionalSuccesses.toString()).toBe('25.92');
  });

  it('books SØM gains from the year after the success, within the horizon', () => {
    // successes measured in year 2 gain in years 3–6: 25.92 × 50,000 = 1,296,000 a year for the kommune
    expect(p.byYear.map((y) => y.somGains.kommune.toFixed(2))).toEqual([
      '0.00',
      '0.00',
      '1296000.00',
      '1296000.00',
      '1296000.00',
      '1296000.00',
    ]);
    // region 25.92 × 2,000 × 4 years; stat 25.92 × 30,000 × 4 years
    expect(p.somGains.region.toFixed(2)).toBe('207360.00');
    expect(p.somGains.stat.toFixed(2)).toBe('3110400.00');
    expect(p.somGainsByArea.income_transfers.kommune.toFixed(2)).toBe('5184000.00');
  });

  it('gives each level its net at the horizon and the net public gain', () => {
    // kommune: 4 × 1,296,000 − 6,900,000 = −1,716,000; stat: +3,110,400; region: +207,360
    expect(p.net.kommune.toFixed(2)).toBe('-1716000.00');
    expect(p.net.stat.toFixed(2)).toBe('3110400.00');
    // public: −1,716,000 + 207,360 + 3,110,400
    expect(p.netPublicGain.toFixed(2)).toBe('1601760.00');
  });

  it('finds no break-even for a kommune still below zero at the horizon, and year 1 for the stat', () => {
    expect(p.breakEvenYear.kommune).toBeNull();
    expect(p.breakEvenYear.stat).toBe(1);
    // public cumulative: −6,900,000, −6,900,000, then + (1,296,000 + 51,840 + 777,600) = 2,125,440 a year:
    // −4,774,560, −2,649,120, −523,680, +1,601,760 → year 6
    expect(p.breakEvenYear.public).toBe(6);
  });

  it('gives the cost per additional success', () => {
    // 6,900,000 / 25.92 = 266,203.7037… → 266,203.70
    expect(p.costPerAdditionalSuccess?.toFixed(2)).toBe('266203.70');
  });

  it('breaks the kommune even in year 6 when the horizon is long enough and the gain larger', () => {
    const richer = handGains(Array.from({ length: 9 }, () => [80000, 0, 0]));
    const q = projectContract(ipsLike({ horizonYears: 8 }), richer);
    // 25.92 × 80,000 = 2,073,600 a year from year 3: cumulative −6,900,000 (y1, y2), −4,826,400,
    // −2,752,800, −679,200, +1,394,400 (y6) → break-even in year 6
    expect(q.breakEvenYear.kommune).toBe(6);
  });

  it('prints the stable JSON with break-even years, nets, a null investor and calendar years', () => {
    const json = projectionToJson(p) as {
      breakEvenYear: Record<string, number | null>;
      net: Record<string, string>;
      investor: Record<string, unknown>;
      byYear: { year: number; calendarYear: number }[];
    };
    expect(json.breakEvenYear).toMatchObject({ kommune: null, region: 1, stat: 1 });
    expect(json.net).toMatchObject({
      kommune: '-1716000.00',
      region: '207360.00',
      stat: '3110400.00',
      public: '1601760.00',
    });
    expect(json.investor).toEqual({
      irr: null,
      multiple: null,
      npv: null,
      drawn: null,
      received: null,
    });
    expect(json.byYear.map((y) => [y.year, y.calendarYear])).toEqual([
      [1, 2024],
      [2, 2025],
      [3, 2026],
      [4, 2027],
      [5, 2028],
      [6, 2029],
    ]);
  });

  it('uses observed successes instead of the expected rate', () => {
    const observed = ipsLike({ observed: { byYear: [{ year: 2, grossSuccesses: 50 }] } });
    // additional = 50 − 24% × 162 measured = 50 − 38.88 = 11.12
    expect(projectContract(observed, ipsGains).outcomes.additionalSuccesses.toString()).toBe(
      '11.12',
    );
  });

  it('weights later gains by the relapse survival', () => {
    const relapsing = ipsLike();
    relapsing.intervention = { ...relapsing.intervention, relapseRate: 0.5 };
    // kommune: 1,296,000 × (1 + 0.5 + 0.25 + 0.125) = 2,430,000
    expect(projectContract(relapsing, ipsGains).somGains.kommune.toFixed(2)).toBe('2430000.00');
  });
});

describe('gain sharing', () => {
  // 40 successes × 5,000 = 200,000 paid in year 2; 20 additional successes gain in year 3
  const rateCard: Contract['paymentModel'] = {
    components: [
      {
        kind: 'rateCard',
        id: 'success',
        metric: 'grossSuccesses',
        price: '5000',
        paymentDelayYears: 0,
      },
    ],
  };
  const parties: Contract['parties'] = [
    ...baseContract().parties,
    { id: 'region', name: 'Region', role: 'authority', level: 'region' },
    { id: 'state', name: 'State', role: 'outcomeFunder', level: 'stat' },
  ];

  it('in proportion to SØM gains, each level pays its share of the gains', () => {
    const contract = baseContract({
      parties,
      paymentModel: rateCard,
      gainSharing: { basis: 'somGains' },
    });
    // gains 20 × (6,000, 1,000, 3,000) = 120,000 / 20,000 / 60,000 → shares 60% / 10% / 30% of 200,000
    const p = projectContract(contract, handGains([[6000, 1000, 3000]]));
    expect(
      [p.outcomePayments.kommune, p.outcomePayments.region, p.outcomePayments.stat].map((v) =>
        v.toFixed(2),
      ),
    ).toEqual(['120000.00', '20000.00', '60000.00']);
    // so no level pays while another takes the gains: region and stat net 0
    expect(p.net.region.toFixed(2)).toBe('0.00');
    expect(p.net.stat.toFixed(2)).toBe('0.00');
  });

  it('splits thirds to the øre so that the parts sum to the payment', () => {
    const contract = baseContract({
      parties,
      paymentModel: rateCard,
      gainSharing: { basis: 'somGains' },
    });
    const p = projectContract(contract, handGains([[1, 1, 1]]));
    // 200,000 / 3 = 66,666.666…: largest remainder gives the two extra øre to the first parts
    const year = p.byYear[1].outcomePayments;
    expect([year.kommune, year.region, year.stat, year.total].map((v) => v.toFixed(2))).toEqual([
      '66666.67',
      '66666.67',
      '66666.66',
      '200000.00',
    ]);
  });

  it('with fixed shares, the state co-pays its agreed share', () => {
    const contract = baseContract({
      parties,
      paymentModel: rateCard,
      gainSharing: { basis: 'fixed', shares: { kommune: 0.8, stat: 0.2 } },
    });
    const p = projectContract(contract, NO_GAINS);
    // 80% / 20% of 200,000
    expect(p.outcomePayments.kommune.toFixed(2)).toBe('160000.00');
    expect(p.outcomePayments.stat.toFixed(2)).toBe('40000.00');
  });

  it('splits a level among its parties by their shares in the party ledger', () => {
    const two: Contract['parties'] = [
      { id: 'a', name: 'Kommune A', role: 'authority', level: 'kommune', share: 0.75 },
      { id: 'b', name: 'Kommune B', role: 'authority', level: 'kommune', share: 0.25 },
      { id: 'provider', name: 'Provider', role: 'provider' },
    ];
    const p = projectContract(baseContract({ parties: two }), NO_GAINS);
    // the kommune level pays the 1,000,000 cost: 750,000 and 250,000
    expect(p.byParty.filter((x) => x.ledger === 'kommune').map((x) => x.net.toFixed(2))).toEqual([
      '-750000.00',
      '-250000.00',
    ]);
  });
});

describe('invalid contracts', () => {
  it('are refused with every violation', () => {
    const broken = ipsLike({ horizonYears: 0 });
    expect(() => projectContract(broken, ipsGains)).toThrow(/horizonYears/);
  });

  it('are refused when the gain profile is for another measure', () => {
    expect(() => projectContract(ipsLike(), handGains([], 2024, 'other'))).toThrow(
      /successMeasureId/,
    );
  });
});

/** Gains per success by area and level for each offset; byActor is their sum, as in SØM. */
type AreaCells = Partial<Record<WelfareArea, Partial<Record<PublicActor, Decimal.Value>>>>;
function areaGains(perOffset: AreaCells[]): GainProfile {
  return {
    measureId: TEST_MEASURE,
    priceYear: 2024,
    years: perOffset.length,
    offsets: perOffset.map((cells) => {
      const byArea = Object.fromEntries(
        WELFARE_AREAS.map((area) => [
          area,
          Object.fromEntries(
            PUBLIC_ACTORS.map((actor) => [actor, new Money(cells[area]?.[actor] ?? 0)]),
          ),
        ]),
      ) as Record<WelfareArea, Record<PublicActor, Decimal>>;
      const byActor = Object.fromEntries(
        PUBLIC_ACTORS.map((actor) => [
          actor,
          Money.sum(new Money(0), ...WELFARE_AREAS.map((area) => byArea[area][actor])),
        ]),
      ) as Record<PublicActor, Decimal>;
      return { byActor, byArea };
    }),
  };
}

const third = new Money(1).div(3);
/**
 * The base contract's 20 additional successes (measured in year 2) gain in year 3 a kommune
 * krone split in thirds over health, social services and justice plus 30 kr. of stat income tax,
 * and in year 4 50 kr. of kommune and 10 kr. of stat transfers plus 20 kr. of stat income tax.
 */
const splitGains = areaGains([
  {
    health: { kommune: third },
    social_services: { kommune: third },
    justice: { kommune: third },
    income_tax: { stat: 30 },
  },
  { income_transfers: { kommune: 50, stat: 10 }, income_tax: { stat: 20 } },
]);

describe('SØM gains by welfare area, year by year', () => {
  const p = projectContract(baseContract(), splitGains);
  const cells = (levels: ByLevel) =>
    [levels.kommune, levels.region, levels.stat, levels.total].map((v) => v.toFixed(2));

  it("splits a year's gains over the areas by largest remainder, summing to the year's gains", () => {
    // Year 3: kommune 20 × 1 = 20.00 over three areas of 6.666…: floors 6.66 × 3 = 19.98, the two
    // øre left go to the earlier areas (equal remainders): health 6.67, social services 6.67,
    // justice 6.66; stat income tax 20 × 30 = 600.00.
    const year3 = p.byYear[2].somGainsByArea;
    expect(cells(year3.health)).toEqual(['6.67', '0.00', '0.00', '6.67']);
    expect(cells(year3.social_services)).toEqual(['6.67', '0.00', '0.00', '6.67']);
    expect(cells(year3.justice)).toEqual(['6.66', '0.00', '0.00', '6.66']);
    expect(cells(year3.income_tax)).toEqual(['0.00', '0.00', '600.00', '600.00']);
    expect(cells(p.byYear[2].somGains)).toEqual(['20.00', '0.00', '600.00', '620.00']);
    // Year 4: transfers 20 × 50 = 1,000.00 (kommune) and 20 × 10 = 200.00 (stat); tax 20 × 20 = 400.00.
    const year4 = p.byYear[3].somGainsByArea;
    expect(cells(year4.income_transfers)).toEqual(['1000.00', '0.00', '200.00', '1200.00']);
    expect(cells(year4.income_tax)).toEqual(['0.00', '0.00', '400.00', '400.00']);
    // Years 1–2 (before the success) and 5–6 (after the profile) have no gains in any area.
    for (const y of [0, 1, 4, 5]) {
      for (const area of WELFARE_AREAS)
        expect(cells(p.byYear[y].somGainsByArea[area])).toEqual(['0.00', '0.00', '0.00', '0.00']);
    }
  });

  it('keeps the horizon totals by area as the sum of the yearly cells', () => {
    // income tax: stat 600.00 (year 3) + 400.00 (year 4) = 1,000.00; health: kommune 6.67
    expect(cells(p.somGainsByArea.income_tax)).toEqual(['0.00', '0.00', '1000.00', '1000.00']);
    expect(cells(p.somGainsByArea.health)).toEqual(['6.67', '0.00', '0.00', '6.67']);
    expect(cells(p.somGainsByArea.income_transfers)).toEqual([
      '1000.00',
      '0.00',
      '200.00',
      '1200.00',
    ]);
  });

  it('prints the yearly area cells in every byYear entry of the JSON, beside the horizon totals', () => {
    const json = projectionToJson(p) as {
      somGainsByArea: Record<string, Record<string, string>>;
      byYear: { somGainsByArea: Record<string, Record<string, string>> }[];
    };
    expect(json.byYear[2].somGainsByArea.justice).toEqual({
      kommune: '6.66',
      region: '0.00',
      stat: '0.00',
      total: '6.66',
    });
    expect(Object.keys(json.byYear[0].somGainsByArea)).toEqual([...WELFARE_AREAS]);
    expect(json.somGainsByArea.income_tax.total).toBe('1000.00');
  });
});

/** Fixed seed: the same contracts and profiles on every run. */
const AREA_PROPERTY = { seed: 20240612, numRuns: 120 };

/** Gains in thousandths of a krone over 7, so nearly every area split needs rounding. */
const AREA_GAIN_DIVISOR = 7000;
const areaProfiles = fc
  .array(
    fc.array(fc.integer({ min: -3_000_000, max: 9_000_000 }), {
      minLength: WELFARE_AREAS.length * PUBLIC_ACTORS.length,
      maxLength: WELFARE_AREAS.length * PUBLIC_ACTORS.length,
    }),
    { minLength: 0, maxLength: 9 },
  )
  .map((offsets) =>
    areaGains(
      offsets.map((values) =>
        Object.fromEntries(
          WELFARE_AREAS.map((area, a) => [
            area,
            Object.fromEntries(
              PUBLIC_ACTORS.map((actor, l) => [
                actor,
                new Money(values[a * PUBLIC_ACTORS.length + l]).div(AREA_GAIN_DIVISOR),
              ]),
            ),
          ]),
        ),
      ),
    ),
  );
const areaContracts = fc
  .record({
    participants: fc.integer({ min: 1, max: 400 }),
    intake: fc.constantFrom<number[]>([1], [0.5, 0.5], [0.2, 0.3, 0.5]),
    gross: fc.integer({ min: 5, max: 60 }),
    deadweightShare: fc.integer({ min: 0, max: 99 }),
    dropout: fc.integer({ min: 0, max: 30 }),
    relapse: fc.integer({ min: 0, max: 30 }),
    lag: fc.integer({ min: 0, max: 2 }),
    horizonYears: fc.integer({ min: 3, max: 10 }),
  })
  .map((r) => {
    const base = baseContract();
    return baseContract({
      horizonYears: r.horizonYears,
      intervention: {
        ...base.intervention,
        participants: r.participants,
        intake: r.intake,
        interventionYears: r.intake.length,
        grossSuccessRate: r.gross / 100,
        deadweightRate: Math.floor((r.gross * r.deadweightShare) / 100) / 100,
        dropoutRate: r.dropout / 100,
        relapseRate: r.relapse / 100,
        outcomeLagYears: r.lag,
      },
    });
  });

describe('SØM gains by welfare area (property tests, fixed seed)', () => {
  const sum = (values: Decimal[]) => Money.sum(new Money(0), ...values);

  it("every year's area cells are whole øre and sum exactly to that year's gains of each level", () => {
    fc.assert(
      fc.property(areaContracts, areaProfiles, (contract, gains) => {
        for (const year of projectContract(contract, gains).byYear) {
          for (const level of [...PUBLIC_ACTORS, 'total'] as const) {
            const areas = WELFARE_AREAS.map((area) => year.somGainsByArea[area][level]);
            expect(areas.every((cell) => cell.decimalPlaces() <= 2)).toBe(true);
            expect([year.year, level, sum(areas).toFixed(2)]).toEqual([
              year.year,
              level,
              year.somGains[level].toFixed(2),
            ]);
          }
          for (const area of WELFARE_AREAS) {
            const cell = year.somGainsByArea[area];
            expect(sum(PUBLIC_ACTORS.map((l) => cell[l])).eq(cell.total)).toBe(true);
          }
        }
      }),
      AREA_PROPERTY,
    );
  });

  it('the yearly area cells sum over the years to the horizon totals by area, in the JSON too', () => {
    fc.assert(
      fc.property(areaContracts, areaProfiles, (contract, gains) => {
        const p = projectContract(contract, gains);
        const json = projectionToJson(p) as {
          somGainsByArea: Record<string, Record<string, string>>;
          byYear: { somGainsByArea: Record<string, Record<string, string>> }[];
        };
        for (const area of WELFARE_AREAS) {
          for (const level of [...PUBLIC_ACTORS, 'total'] as const) {
            const yearly = sum(p.byYear.map((year) => year.somGainsByArea[area][level]));
            const yearlyJson = sum(
              json.byYear.map((year) => new Money(year.somGainsByArea[area][level])),
            );
            expect([area, level, yearly.toFixed(2), yearlyJson.toFixed(2)]).toEqual([
              area,
              level,
              p.somGainsByArea[area][level].toFixed(2),
              json.somGainsByArea[area][level],
            ]);
          }
        }
      }),
      AREA_PROPERTY,
    );
  });
});
