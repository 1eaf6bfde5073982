import { WELFARE_AREAS, type WelfareArea } from '../engine/shared/actors';
import { formatAmount, formatNumber, formatPercentage } from './format';
import { texts } from './i18n';
import { areaYearTables, discountedAreaYears, type AreaLevels } from './model-areas';
import { calendarYear, column, discountedYears, inputsTable } from './model-common';
import { collectProvenance } from './provenance';
import {
  PROJECTION_CHART_WORDS,
  PROJECTION_SUMMARY,
  PROJECTION_TABLE_WORDS,
} from './words-projection';
import { reproductionItems } from './reproduction';
import { AREA_TABLE_WORDS } from './words-areas';
import type { ProjectionReportSource } from './source';
import type { ChartSpec, ReportLanguage, ReportModel, ReportTable } from './types';

/** The parts of `projectionToJson` a report shows (docs/result-schema.md has the whole). */
type Levels = AreaLevels;
interface ProjectionYearJson {
  year: number;
  calendarYear: number;
  outcomes: Record<string, number>;
  interventionCost: string;
  capitalDrawn: string;
  outcomePayments: Levels;
  investorReceipts: string;
  guaranteeReceipts: string;
  providerRevenue: string;
  somGains: Levels;
  /** Absent in results saved before the yearly split by area was kept. */
  somGainsByArea?: Record<WelfareArea, Levels>;
  net: Record<string, string>;
  cumulativeNet: Record<string, string>;
}
export interface ProjectionJsonView {
  contract: {
    id: string;
    name: string;
    startYear: number;
    endYear: number;
    priceYear: number;
    horizonYears: number;
    discountRate: number | null;
  };
  breakEvenYear: Record<string, number | null>;
  net: Record<string, string>;
  npv: Record<string, string>;
  investor: {
    irr: number | null;
    multiple: number | null;
    drawn: string | null;
    received: string | null;
  };
  interventionCost: string;
  costPerAdditionalSuccess: string | null;
  outcomes: Record<string, number>;
  somGains: Levels;
  somGainsByArea: Record<string, Levels>;
  byYear: ProjectionYearJson[];
}

/** The actors of the headline table, in the order, then the public sector as a whole. */
export const HEADLINE_ACTORS = [
  'kommune',
  'region',
  'stat',
  'investor',
  'provider',
  'public',
] as const;
/** Actors whose cumulative net position is drawn. */
const CHART_ACTORS = ['kommune', 'region', 'stat', 'investor', 'provider'] as const;
const LEVELS = ['kommune', 'region', 'stat'] as const;
const OUTCOME_KEYS = ['started', 'completers', 'measured', 'grossSuccesses', 'additionalSuccesses'];

function headline(p: ProjectionJsonView, language: ReportLanguage): ReportTable {
  const t = texts(language);
  return {
    id: 'headline',
    title: t.sections.headline,
    note: t.common.missingNote,
    columns: [
      column('actor', t.columns.actor, 'text'),
      column('net', t.columns.net, 'kroner'),
      column('npv', t.columns.npv, 'kroner'),
      column('breakEvenYear', t.columns.breakEven, 'year'),
    ],
    rows: HEADLINE_ACTORS.map((actor) => [
      t.actors[actor],
      p.net[actor],
      p.npv[actor],
      calendarYear(p.contract.startYear, p.breakEvenYear[actor]),
    ]),
  };
}

const SUMMARY = PROJECTION_SUMMARY;

function summary(p: ProjectionJsonView, language: ReportLanguage): string {
  const s = SUMMARY[language];
  const kroner = (v: string) => formatAmount(v, language);
  const kommuneYear = p.breakEvenYear.kommune;
  let text =
    `${s.intro(p)} ` +
    s.breakEven(kommuneYear, calendarYear(p.contract.startYear, kommuneYear)) +
    s.net(kroner(p.net.kommune), kroner(p.net.stat), kroner(p.net.region));
  if (p.investor.multiple !== null) {
    text += s.investor(
      formatNumber(p.investor.multiple, 2, language),
      p.investor.irr === null ? '–' : formatPercentage(p.investor.irr, language),
    );
  }
  text += s.cost(
    kroner(p.interventionCost),
    p.costPerAdditionalSuccess === null ? null : kroner(p.costPerAdditionalSuccess),
    formatNumber(p.outcomes.additionalSuccesses, 2, language),
  );
  return text;
}

const TABLE_TITLES = PROJECTION_TABLE_WORDS;

const FLOW_KEYS = [
  'interventionCost',
  'capitalDrawn',
  'outcomePayments',
  'investorReceipts',
  'guaranteeReceipts',
  'providerRevenue',
  'somGains',
] as const;

function flowValue(year: ProjectionYearJson, key: (typeof FLOW_KEYS)[number]): string {
  const value = year[key];
  return typeof value === 'string' ? value : value.total;
}

function yearColumns(language: ReportLanguage) {
  const t = texts(language);
  return [
    column('contractYear', t.columns.contractYear, 'year'),
    column('year', t.columns.calendarYear, 'year'),
  ];
}

export function projectionYearlyTables(
  p: ProjectionJsonView,
  language: ReportLanguage,
): ReportTable[] {
  const t = texts(language);
  const w = TABLE_TITLES[language];
  const years = p.byYear;
  const yearCells = (y: ProjectionYearJson) => [y.year, y.calendarYear];
  const actorTable = (
    id: string,
    title: string,
    pick: (y: ProjectionYearJson) => Record<string, string>,
  ): ReportTable => ({
    id,
    title,
    columns: [
      ...yearColumns(language),
      ...HEADLINE_ACTORS.map((a) => column(a, t.actors[a], 'kroner')),
    ],
    rows: years.map((y) => [...yearCells(y), ...HEADLINE_ACTORS.map((a) => pick(y)[a])]),
  });
  const discounted = Object.fromEntries(
    HEADLINE_ACTORS.map((a) => [
      a,
      discountedYears(
        years.map((y) => y.net[a]),
        p.contract.discountRate,
        p.npv[a],
      ),
    ]),
  );
  const rate = discountRateText(p, language);
  const levelTable = (
    id: string,
    title: string,
    pick: (y: ProjectionYearJson) => Levels,
  ): ReportTable => ({
    id,
    title,
    columns: [
      ...yearColumns(language),
      ...[...LEVELS, 'total' as const].map((l) => column(l, t.actors[l], 'kroner')),
    ],
    rows: years.map((y) => [
      ...yearCells(y),
      ...[...LEVELS, 'total' as const].map((l) => pick(y)[l]),
    ]),
  });
  return [
    {
      id: 'flows',
      title: w.flows,
      columns: [
        ...yearColumns(language),
        ...FLOW_KEYS.map((k) => column(k, w.flowColumns[k], 'kroner')),
      ],
      rows: years.map((y) => [...yearCells(y), ...FLOW_KEYS.map((k) => flowValue(y, k))]),
    },
    actorTable('net', w.net, (y) => y.net),
    {
      ...actorTable('netDiscounted', w.discounted, (y) =>
        Object.fromEntries(HEADLINE_ACTORS.map((a) => [a, discounted[a][y.year - 1]])),
      ),
      note: w.discountedNote(rate),
    },
    actorTable('cumulativeNet', w.cumulative, (y) => y.cumulativeNet),
    levelTable('somGains', w.gains, (y) => y.somGains),
    levelTable('outcomePayments', w.payments, (y) => y.outcomePayments),
    {
      id: 'somGainsByArea',
      title: w.areas,
      columns: [
        column('area', t.columns.area, 'text'),
        ...[...LEVELS, 'total' as const].map((l) => column(l, t.actors[l], 'kroner')),
      ],
      rows: WELFARE_AREAS.map((area) => [
        t.areas[area],
        ...[...LEVELS, 'total' as const].map((l) => p.somGainsByArea[area][l]),
      ]),
    },
    ...areaTables(p, language),
    {
      id: 'outcomes',
      title: w.outcomes,
      columns: [
        ...yearColumns(language),
        ...OUTCOME_KEYS.map((k) => column(k, w.outcomeColumns[k], 'count')),
      ],
      rows: years.map((y) => [...yearCells(y), ...OUTCOME_KEYS.map((k) => y.outcomes[k])]),
    },
  ];
}

/**
 * The yearly SØM gains by welfare area, nominal and discounted (to each area and level's own
 * NPV), when the result carries them.
 */
function areaTables(p: ProjectionJsonView, language: ReportLanguage): ReportTable[] {
  const byArea = p.byYear.map((y) => y.somGainsByArea);
  if (!byArea.every((areas) => areas !== undefined)) return [];
  const words = AREA_TABLE_WORDS[language];
  const yearCells = (y: ProjectionYearJson) => [y.year, y.calendarYear];
  const discounted = discountedAreaYears(byArea, p.contract.discountRate);
  return [
    ...areaYearTables(
      {
        id: 'somGainsByAreaYearly',
        title: words.nominal,
        printedTitle: words.printedNominal,
        yearColumns: yearColumns(language),
        years: p.byYear.map((y, i) => ({ yearCells: yearCells(y), byArea: byArea[i] })),
      },
      language,
    ),
    ...areaYearTables(
      {
        id: 'somGainsByAreaYearlyDiscounted',
        title: words.discounted,
        printedTitle: words.printedDiscounted,
        note: words.ownNpvNote(discountRateText(p, language)),
        yearColumns: yearColumns(language),
        years: p.byYear.map((y, i) => ({ yearCells: yearCells(y), byArea: discounted[i] })),
      },
      language,
    ),
  ];
}

function discountRateText(p: ProjectionJsonView, language: ReportLanguage): string {
  return p.contract.discountRate === null
    ? TABLE_TITLES[language].financeMinistry
    : formatPercentage(p.contract.discountRate, language);
}

const CHART_TITLES = PROJECTION_CHART_WORDS;

export function projectionCharts(p: ProjectionJsonView, language: ReportLanguage): ChartSpec[] {
  const t = texts(language);
  const c = CHART_TITLES[language];
  const years = p.byYear.map((y) => String(y.calendarYear));
  const areas = WELFARE_AREAS.filter((area) => Number(p.somGainsByArea[area].total) !== 0);
  return [
    {
      id: 'cumulativeNet',
      kind: 'line',
      title: c.cumulative,
      categories: years,
      series: CHART_ACTORS.map((a) => ({
        name: t.actors[a],
        values: p.byYear.map((y) => Number(y.cumulativeNet[a])),
      })),
      valueUnit: t.units.kroner,
    },
    {
      id: 'gainsByArea',
      kind: 'stackedBar',
      title: c.areas,
      categories: LEVELS.map((l) => t.actors[l]),
      series: areas.map((area) => ({
        name: t.areas[area],
        stack: 'gains',
        values: LEVELS.map((l) => Number(p.somGainsByArea[area][l])),
      })),
      valueUnit: t.units.kroner,
    },
    {
      id: 'gainsByYear',
      kind: 'stackedBar',
      title: c.gainsByYear,
      categories: years,
      series: LEVELS.map((l) => ({
        name: t.actors[l],
        stack: 'gains',
        values: p.byYear.map((y) => Number(y.somGains[l])),
      })),
      valueUnit: t.units.kroner,
    },
  ];
}

/** The report of a contract projection at expected values. */
export function projectionReportModel(
  source: ProjectionReportSource,
  language: ReportLanguage,
): ReportModel {
  const p = source.projection as ProjectionJsonView;
  const t = texts(language);
  return {
    kind: 'contractProjection',
    language,
    title: p.contract.name,
    subtitle: `${t.kinds.contractProjection} · ${p.contract.startYear}–${p.contract.endYear}`,
    summary: summary(p, language),
    headline: headline(p, language),
    charts: projectionCharts(p, language),
    tables: projectionYearlyTables(p, language),
    assumptions: collectProvenance(source.knowledge, source.provenance, language),
    reproduction: reproductionItems(source.run, language),
    inputs: inputsTable(source.contract, language),
  };
}
