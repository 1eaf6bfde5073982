import { WELFARE_AREAS, type WelfareArea } from '../engine/shared/actors';
import { texts } from './i18n';
import { column, discountedNpv, discountedYears, sumMoney } from './model-common';
import { AREA_TABLE_WORDS } from './words-areas';
import type { CellValue, ReportColumn, ReportLanguage, ReportTable } from './types';

/**
 * The yearly tables of SØM gains by welfare area shared by the three kinds of report: a long
 * table (one row per year and area, one column per level) for the workbook and the CSV, and a
 * printed extract (one row per year, one column per area, the levels together).
 */

export type AreaLevels = Record<'kommune' | 'region' | 'stat' | 'total', string>;
export const AREA_LEVELS = ['kommune', 'region', 'stat', 'total'] as const;
const PUBLIC_LEVELS = ['kommune', 'region', 'stat'] as const;

/** One year of a result: the cells that name it and its gains by area (money strings). */
export interface AreaYear {
  yearCells: CellValue[];
  byArea: Record<WelfareArea, AreaLevels>;
}

export interface AreaTableSpec {
  id: string;
  title: string;
  printedTitle: string;
  note?: string;
  yearColumns: ReportColumn[];
  years: readonly AreaYear[];
}

/** The long table (exported, not printed) and its printed extract (printed, not exported). */
export function areaYearTables(spec: AreaTableSpec, language: ReportLanguage): ReportTable[] {
  const t = texts(language);
  const words = AREA_TABLE_WORDS[language];
  const long: ReportTable = {
    id: spec.id,
    title: spec.title,
    note: spec.note,
    columns: [
      ...spec.yearColumns,
      column('area', t.columns.area, 'text'),
      ...AREA_LEVELS.map((l) => column(l, t.actors[l], 'kroner')),
    ],
    rows: spec.years.flatMap((year) =>
      WELFARE_AREAS.map((area) => [
        ...year.yearCells,
        t.areas[area],
        ...AREA_LEVELS.map((l) => year.byArea[area][l]),
      ]),
    ),
    printed: false,
  };
  const printed: ReportTable = {
    id: `${spec.id}Printed`,
    title: spec.printedTitle,
    note: [words.printedNote, spec.note].filter(Boolean).join(' '),
    columns: [
      ...spec.yearColumns,
      ...WELFARE_AREAS.map((area) => column(area, words.shortAreas[area], 'kroner')),
      column('total', t.actors.total, 'kroner'),
    ],
    rows: spec.years.map((year) => [
      ...year.yearCells,
      ...WELFARE_AREAS.map((area) => year.byArea[area].total),
      sumMoney(WELFARE_AREAS.map((area) => year.byArea[area].total)),
    ]),
    exported: false,
  };
  return [printed, long];
}

/**
 * Yearly gains by area and level discounted to the start year (year index 0 weighs 1): each
 * area and level is rounded by largest remainder over the years (`discountedYears`) to its own
 * net present value, Σ nominal × factor rounded once half-even, the rule of the report's
 * discounted net table; each cell's total is the sum of its levels. `rate` null means the
 * Finance Ministry's 2021 schedule.
 */
export function discountedAreaYears(
  years: readonly Record<WelfareArea, AreaLevels>[],
  rate: number | null,
): Record<WelfareArea, AreaLevels>[] {
  const columns = Object.fromEntries(
    WELFARE_AREAS.map((area) => [
      area,
      Object.fromEntries(
        PUBLIC_LEVELS.map((level) => {
          const values = years.map((year) => year[area][level]);
          return [level, discountedYears(values, rate, discountedNpv(values, rate))];
        }),
      ),
    ]),
  ) as Record<WelfareArea, Record<(typeof PUBLIC_LEVELS)[number], string[]>>;
  return years.map(
    (_, y) =>
      Object.fromEntries(
        WELFARE_AREAS.map((area) => {
          const levels = PUBLIC_LEVELS.map((level) => columns[area][level][y]);
          const [kommune, region, stat] = levels;
          return [area, { kommune, region, stat, total: sumMoney(levels) }];
        }),
      ) as Record<WelfareArea, AreaLevels>,
  );
}
