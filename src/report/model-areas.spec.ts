import fc from 'fast-check';
import { baseContract, handGains } from '../engine/contract/contract.fixture';
import { projectContract } from '../engine/contract/projection';
import { projectionToJson } from '../engine/contract/projection-json';
import { WELFARE_AREAS, type WelfareArea } from '../engine/shared/actors';
import { areaYearTables, discountedAreaYears, type AreaLevels } from './model-areas';
import { discountedNpv, sumMoney } from './model-common';
import { projectionYearlyTables, type ProjectionJsonView } from './model-projection';

const ZERO_LEVELS: AreaLevels = { kommune: '0.00', region: '0.00', stat: '0.00', total: '0.00' };

/** A year with the given cells in some areas and zeros elsewhere. */
function yearOf(cells: Partial<Record<WelfareArea, AreaLevels>>): Record<WelfareArea, AreaLevels> {
  return Object.fromEntries(
    WELFARE_AREAS.map((area) => [area, cells[area] ?? ZERO_LEVELS]),
  ) as Record<WelfareArea, AreaLevels>;
}

describe('discounted yearly gains by welfare area', () => {
  it('round each area and level to its own net present value by largest remainder', () => {
    // Health at 10%: kommune 100 a year → 100, 90.9090…, 82.6446… (NPV 273.5537… → 273.55);
    // floors 100.00 + 90.90 + 82.64 = 273.54, the øre left to the larger remainder (90.909…):
    // 100.00, 90.91, 82.64. Stat 10 a year → 10, 9.0909…, 8.2644… (NPV 27.3553… → 27.36);
    // floors 27.35, the øre to 8.2644…: 10.00, 9.09, 8.27. Totals are the sums of the levels.
    const health = { kommune: '100.00', region: '0.00', stat: '10.00', total: '110.00' };
    const years = [yearOf({ health }), yearOf({ health }), yearOf({ health })];
    expect(discountedAreaYears(years, 0.1).map((year) => year.health)).toEqual([
      { kommune: '100.00', region: '0.00', stat: '10.00', total: '110.00' },
      { kommune: '90.91', region: '0.00', stat: '9.09', total: '100.00' },
      { kommune: '82.64', region: '0.00', stat: '8.27', total: '90.91' },
    ]);
  });

  it('sum over the years to each area and level’s net present value, and over levels to the total', () => {
    const cell = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((ore) => {
      return (ore / 100).toFixed(2);
    });
    const levels = fc.tuple(cell, cell, cell).map(([kommune, region, stat]) => ({
      kommune,
      region,
      stat,
      total: sumMoney([kommune, region, stat]),
    }));
    const year = fc
      .array(levels, { minLength: WELFARE_AREAS.length, maxLength: WELFARE_AREAS.length })
      .map((cells) => yearOf(Object.fromEntries(WELFARE_AREAS.map((area, a) => [area, cells[a]]))));
    fc.assert(
      fc.property(
        fc.array(year, { minLength: 1, maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
        (years, permille) => {
          const rate = permille === null ? null : permille / 1000;
          const discounted = discountedAreaYears(years, rate);
          for (const area of WELFARE_AREAS) {
            for (const level of ['kommune', 'region', 'stat'] as const) {
              const npv = discountedNpv(
                years.map((y) => y[area][level]),
                rate,
              );
              expect([area, level, sumMoney(discounted.map((y) => y[area][level]))]).toEqual([
                area,
                level,
                npv,
              ]);
            }
            for (const y of discounted) {
              expect(sumMoney([y[area].kommune, y[area].region, y[area].stat])).toBe(y[area].total);
            }
          }
        },
      ),
      { seed: 20240614, numRuns: 100 },
    );
  });
});

describe('the yearly tables by welfare area', () => {
  const years = [
    { yearCells: [2024], byArea: yearOf({}) },
    {
      yearCells: [2025],
      byArea: yearOf({
        health: { kommune: '1.00', region: '2.00', stat: '3.00', total: '6.00' },
        income_tax: { kommune: '-0.50', region: '0.00', stat: '4.25', total: '3.75' },
      }),
    },
  ];
  const [printed, long] = areaYearTables(
    {
      id: 'areas',
      title: 'Areas',
      printedTitle: 'Areas printed',
      yearColumns: [{ key: 'year', label: 'Year', format: 'year' }],
      years,
    },
    'en',
  );

  it('give the workbook one row per year and area with every level, and do not print it', () => {
    expect(long.printed).toBe(false);
    expect(long.rows).toHaveLength(2 * WELFARE_AREAS.length);
    expect(long.rows[WELFARE_AREAS.length]).toEqual([
      2025,
      'Health',
      '1.00',
      '2.00',
      '3.00',
      '6.00',
    ]);
  });

  it('print one row per year with each area’s total and their sum, not exported', () => {
    expect(printed.exported).toBe(false);
    // 2025: health 6.00, income tax 3.75, the other areas 0 → total 9.75
    expect(printed.rows[1]).toEqual([2025, '6.00', '0.00', '0.00', '0.00', '3.75', '0.00', '9.75']);
  });
});

describe('the contract report’s yearly tables by welfare area', () => {
  // The base contract's 20 additional successes gain 50 kr. (kommune, transfers) and 30 kr. (stat,
  // income tax) a year in years 3–6.
  const json = projectionToJson(
    projectContract(baseContract(), handGains(Array.from({ length: 4 }, () => [50, 0, 30]))),
  ) as unknown as ProjectionJsonView;

  it('show the JSON’s yearly cells and discount them to sum to each column’s net present value', () => {
    const tables = projectionYearlyTables(json, 'en');
    const nominal = tables.find((t) => t.id === 'somGainsByAreaYearly');
    const transfers = nominal?.rows.filter((row) => row[2] === 'Income transfers');
    // Years 3–6: 20 × 50 = 1,000.00 for the kommune each year.
    expect(transfers?.map((row) => row[3])).toEqual(
      json.byYear.map((y) => y.somGainsByArea?.income_transfers.kommune),
    );
    expect(transfers?.map((row) => row[3])).toEqual([
      '0.00',
      '0.00',
      '1000.00',
      '1000.00',
      '1000.00',
      '1000.00',
    ]);
    const discounted = tables.find((t) => t.id === 'somGainsByAreaYearlyDiscounted');
    const tax = discounted?.rows.filter((row) => row[2] === 'Income tax') ?? [];
    // Stat 600.00 a year in years 3–6 at the Finance Ministry's 3.5%: its column sums to the NPV.
    expect(sumMoney(tax.map((row) => row[5] as string))).toBe(
      discountedNpv(['0.00', '0.00', '600.00', '600.00', '600.00', '600.00'], null),
    );
  });

  it('are left out for a result saved before the yearly split by area was kept', () => {
    const old = {
      ...json,
      byYear: json.byYear.map((y) => ({ ...y, somGainsByArea: undefined })),
    };
    const ids = projectionYearlyTables(old, 'en').map((t) => t.id);
    expect(ids).toContain('somGainsByArea');
    expect(ids.filter((id) => id.startsWith('somGainsByAreaYearly'))).toEqual([]);
  });
});
