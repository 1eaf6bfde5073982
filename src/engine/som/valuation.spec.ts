import Decimal from 'decimal.js';
import fc from 'fast-check';
import { loadKnowledgeBase } from '../../data/knowledge';
import { PUBLIC_ACTORS, WELFARE_AREAS } from '../shared/actors';
import { InvalidInputError, UnknownIdError } from '../shared/errors';
import { TINY_KB } from './tiny-kb.fixture';
import { valueSuccesses, type ActorAmounts, type ValuationRequest } from './valuation';
import { valuationToJson } from './valuation-json';

const oneSuccess: ValuationRequest = {
  measureId: 'tiny-measure',
  successes: [{ year: 2024, count: 1 }],
  startYear: 2024,
  horizonYears: 2,
  priceYear: 2023,
};

const amounts = (value: ActorAmounts) => ({
  kommune: value.kommune.toFixed(2),
  region: value.region.toFixed(2),
  stat: value.stat.toFixed(2),
  total: value.total.toFixed(2),
});

describe('valueSuccesses', () => {
  it('values one success over two years, discounted to the start year, to the øre', () => {
    // Gains (see gain-profile.spec): year 1 health 220|1980|0, transfers 80|0|20, education −50|0|0;
    // year 2 health 110|990|0, transfers 80|0|20, education −25|0|0.
    // 2025 (÷1.035): 212.5604→212.56, 1913.0435→1913.04, 77.2947→77.29, 19.3237→19.32, −48.3092→−48.31
    // 2026 (÷1.071225): 102.6862→102.69, 924.1756→924.18, 74.6809→74.68, 18.6702→18.67, −23.3378→−23.34
    // NPV kommune 212.56 + 77.29 − 48.31 + 102.69 + 74.68 − 23.34 = 395.57
    //     region 1913.04 + 924.18 = 2837.22; stat 19.32 + 18.67 = 37.99; total 3270.78
    const valuation = valueSuccesses(TINY_KB, oneSuccess);
    expect(valuation.byYear.map((y) => y.year)).toEqual([2025, 2026]);
    expect(amounts(valuation.npv)).toEqual({
      kommune: '395.57',
      region: '2837.22',
      stat: '37.99',
      total: '3270.78',
    });
    // Nominal: 250 + 165 = 415 kommune, 1980 + 990 = 2970 region, 20 + 20 = 40 stat.
    expect(amounts(valuation.nominal)).toEqual({
      kommune: '415.00',
      region: '2970.00',
      stat: '40.00',
      total: '3425.00',
    });
  });

  it('multiplies by a fractional number of successes', () => {
    // Year 2025 nominal total 2250 × 2.5 = 5625.
    const valuation = valueSuccesses(TINY_KB, {
      ...oneSuccess,
      successes: [{ year: 2024, count: '2.5' }],
    });
    expect(valuation.byYear[0].nominal.total.toFixed(2)).toBe('5625.00');
  });

  it('adds the consequences of successes in different years that fall in the same year', () => {
    // 2026 = year 2 of the 2024 success (1175) + year 1 of two 2025 successes (2 × 2250) = 5675.
    const valuation = valueSuccesses(TINY_KB, {
      ...oneSuccess,
      successes: [
        { year: 2024, count: 1 },
        { year: 2025, count: 2 },
      ],
    });
    expect(valuation.byYear.map((y) => [y.year, y.nominal.total.toFixed(2)])).toEqual([
      [2025, '2250.00'],
      [2026, '5675.00'],
      [2027, '2350.00'],
    ]);
  });

  it('leaves excluded areas out of the totals', () => {
    // 2025 nominal total without the −50 course: 2250 + 50 = 2300.
    const valuation = valueSuccesses(TINY_KB, {
      ...oneSuccess,
      excludedAreas: ['education_employment'],
    });
    expect(valuation.byYear[0].nominal.total.toFixed(2)).toBe('2300.00');
    expect(valuation.byArea.education_employment.npv.total.isZero()).toBe(true);
  });

  it('uses a flat discount rate when given one: at 0% the NPV equals the nominal sum', () => {
    const valuation = valueSuccesses(TINY_KB, { ...oneSuccess, discountRate: 0 });
    expect(amounts(valuation.npv)).toEqual(amounts(valuation.nominal));
  });

  it('discounts to the start year, not to the success year', () => {
    // A 2024 success valued from 2022: 2025 is 3 years out, 1.035^-3 = 0.9019427…. Rounded cells:
    // 220 → 198.43, 1980 → 1785.85, 80 → 72.16, 20 → 18.04, −50 → −45.10; their sum is 2029.38
    // (the total is the sum of rounded cells, one øre above 2250 × 0.9019427 = 2029.371).
    const valuation = valueSuccesses(TINY_KB, { ...oneSuccess, startYear: 2022 });
    expect(valuation.byYear[0].discountFactor.toFixed(6)).toBe('0.901943');
    expect(valuation.byYear[0].discounted.total.toFixed(2)).toBe('2029.38');
  });

  it('answers an unknown success measure with an UnknownIdError naming it', () => {
    expect(() => valueSuccesses(TINY_KB, { ...oneSuccess, measureId: 'nope' })).toThrow(
      UnknownIdError,
    );
    expect(() => valueSuccesses(TINY_KB, { ...oneSuccess, measureId: 'nope' })).toThrow(
      "unknown success measure 'nope'",
    );
  });

  it('lists every bad input field in one InvalidInputError', () => {
    try {
      valueSuccesses(TINY_KB, {
        ...oneSuccess,
        horizonYears: 0,
        successes: [{ year: 2024, count: -1 }],
      });
      throw new Error('expected an InvalidInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).violations.map((v) => v.path)).toEqual([
        'horizonYears',
        'successes.0.count',
      ]);
    }
  });

  it('refuses a price year outside the price index with the covered range', () => {
    expect(() => valueSuccesses(TINY_KB, { ...oneSuccess, priceYear: 2031 })).toThrow(
      /no price index for 2031; the knowledge base covers 2020–2023/,
    );
  });
});

describe('valuationToJson', () => {
  const json = valuationToJson(valueSuccesses(TINY_KB, oneSuccess));

  it('prints money as strings with two decimals under stable keys', () => {
    expect(json.npv).toEqual({
      kommune: '395.57',
      region: '2837.22',
      stat: '37.99',
      total: '3270.78',
    });
    expect(json.byYear[0].nominal.kommune).toBe('250.00');
    expect(json.byYear[0].discountFactor).toBe('0.9661835749');
    expect(json.successes).toBe('1');
  });

  it('lists every welfare area in a fixed order, per year and in total', () => {
    expect(json.byArea.map((a) => a.area)).toEqual([...WELFARE_AREAS]);
    expect(json.byYear[1].byArea.map((a) => a.area)).toEqual([...WELFARE_AREAS]);
    // health NPV: 212.56 + 1913.04 + 102.69 + 924.18 = 3152.47
    expect(json.byArea.find((a) => a.area === 'health')?.npv.total).toBe('3152.47');
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('valuation splits sum exactly (fast-check on the real knowledge base)', () => {
  const kb = loadKnowledgeBase();
  const measureIds = kb.targetGroups.flatMap((g) => g.successMeasures.map((m) => m.id));
  const sum = (values: Decimal[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0));
  const isOre = (value: Decimal) => value.decimalPlaces() <= 2;

  it('actors sum to totals, areas to years, years to the NPV, for random successes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...measureIds),
        fc.array(
          fc.record({
            year: fc.integer({ min: 2020, max: 2030 }),
            count: fc.integer({ min: 0, max: 100_000 }).map((milli) => (milli / 1000).toString()),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2018, max: 2030 }),
        (measureId, successes, horizonYears, startYear) => {
          const v = valueSuccesses(kb, {
            measureId,
            successes,
            horizonYears,
            startYear,
            priceYear: 2024,
          });
          const checkActors = (a: ActorAmounts) => {
            expect(a.total.eq(sum(PUBLIC_ACTORS.map((actor) => a[actor])))).toBe(true);
            expect([a.kommune, a.region, a.stat, a.total].every(isOre)).toBe(true);
          };
          for (const year of v.byYear) {
            checkActors(year.nominal);
            checkActors(year.discounted);
            for (const actor of [...PUBLIC_ACTORS, 'total'] as const) {
              const areas = WELFARE_AREAS.map((area) => year.byArea[area]);
              expect(year.nominal[actor].eq(sum(areas.map((a) => a.nominal[actor])))).toBe(true);
              expect(year.discounted[actor].eq(sum(areas.map((a) => a.discounted[actor])))).toBe(
                true,
              );
            }
          }
          for (const actor of [...PUBLIC_ACTORS, 'total'] as const) {
            expect(v.npv[actor].eq(sum(v.byYear.map((y) => y.discounted[actor])))).toBe(true);
            expect(v.nominal[actor].eq(sum(v.byYear.map((y) => y.nominal[actor])))).toBe(true);
            expect(
              v.npv[actor].eq(sum(WELFARE_AREAS.map((area) => v.byArea[area].npv[actor]))),
            ).toBe(true);
          }
          checkActors(v.npv);
        },
      ),
      { seed: 1110, numRuns: 150 },
    );
  });
});
