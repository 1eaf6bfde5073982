import type { FundInput, FundProjectionJson, FundYearJson } from '../engine/fund';
import { WELFARE_AREAS, type WelfareArea } from '../engine/shared/actors';
import { histogram, type Summary } from '../engine/simulation';
import { formatAmount, formatNumber, formatPercentage } from './format';
import { texts } from './i18n';
import { areaYearTables, type AreaLevels } from './model-areas';
import { column, inputsTable } from './model-common';
import { percentileTable, type PercentileRow } from './model-percentiles';
import { collectProvenance } from './provenance';
import { FUND_WORDS, PERCENTILE_LABELS } from './words-fund';
import { reproductionItems } from './reproduction';
import { AREA_TABLE_WORDS } from './words-areas';
import type { SimulationReportSource } from './source';
import type { ChartSpec, ReportLanguage, ReportModel, ReportTable } from './types';

/** The parts of a fund scenario's result JSON a report shows (see src/engine/scenario). */
type ActorSummaries = Record<'kommune' | 'region' | 'stat' | 'total', Summary>;
export interface FundMonteCarloView {
  trials: number;
  quantileDefinition: string;
  totalInvested: Summary;
  peopleHelped: Summary;
  peopleEmployed: Summary;
  fundValueAtHorizon: Summary;
  publicGains: { nominal: ActorSummaries; npv: ActorSummaries };
  probabilityFundValueBelowCapital: { probability: number; standardError: number };
  byYear: ({ year: number } & Record<string, Summary>)[];
}
export interface FundResultView {
  inputs: { fund: FundInput; settings: { trials: number; seed: string | number } };
  expected: FundProjectionJson;
  monteCarlo: FundMonteCarloView;
  meta: { seed: string | number; trials: number; version: string };
}

const LEVELS = ['kommune', 'region', 'stat'] as const;
/** Bins of the histogram of the fund's money multiple. */
const MULTIPLE_HISTOGRAM_BINS = 30;

const W = FUND_WORDS;

function headline(r: FundResultView, language: ReportLanguage): ReportTable {
  const t = texts(language);
  const w = W[language];
  const e = r.expected;
  const mc = r.monteCarlo;
  const row = (actor: string, measure: string, expected: string, s: Summary) => [
    t.actors[actor],
    measure,
    expected,
    s.p5,
    s.p50,
    s.p95,
  ];
  return {
    id: 'headline',
    title: t.sections.headline,
    columns: [
      column('actor', t.columns.actor, 'text'),
      column('measure', t.columns.measure, 'text'),
      column('expected', `${t.columns.expected} (${t.units.kroner})`, 'kroner'),
      column('p5', t.columns.p5, 'wholeKroner'),
      column('p50', t.columns.p50, 'wholeKroner'),
      column('p95', t.columns.p95, 'wholeKroner'),
    ],
    rows: [
      ...[...LEVELS, 'total' as const].map((level) =>
        row(
          level === 'total' ? 'public' : level,
          w.gainsNpv,
          e.publicGains.npv[level],
          mc.publicGains.npv[level],
        ),
      ),
      row('investor', w.fundValue(e.endYear), e.fundValueAtHorizon, mc.fundValueAtHorizon),
      row('provider', w.deployed, e.totalInvested, mc.totalInvested),
    ],
  };
}

function summary(r: FundResultView, language: ReportLanguage): string {
  const e = r.expected;
  const mc = r.monteCarlo;
  const kroner = (v: string | number) => formatAmount(v, language);
  const people = (v: string | number) => formatNumber(v, 0, language);
  return W[language].summary({
    capital: kroner(e.initialCapital),
    start: String(e.startYear),
    end: String(e.endYear),
    peopleLow: people(mc.peopleHelped.p5),
    peopleHigh: people(mc.peopleHelped.p95),
    people: people(e.peopleHelped),
    valueLow: kroner(mc.fundValueAtHorizon.p5),
    valueHigh: kroner(mc.fundValueAtHorizon.p95),
    value: kroner(e.fundValueAtHorizon),
    probability: formatPercentage(mc.probabilityFundValueBelowCapital.probability, language),
    kommune: kroner(e.publicGains.npv.kommune),
    stat: kroner(e.publicGains.npv.stat),
    region: kroner(e.publicGains.npv.region),
  });
}

const FUND_KEYS = [
  'capitalDeployed',
  'repaymentsReceived',
  'principalRepaid',
  'returns',
  'feesAndCosts',
  'losses',
  'cash',
  'outstandingPrincipal',
  'fundValue',
] as const;
const PEOPLE_KEYS = [
  'partnerships',
  'partnerKommuner',
  'participantsStarted',
  'peopleHelped',
  'peopleEmployed',
  'additionalSuccesses',
] as const;
/** The yearly Monte Carlo outputs the printed report shows (the workbook has them all). */
const PRINTED_PERCENTILES = ['fundValue', 'capitalDeployed', 'peopleHelped'] as const;

function tables(r: FundResultView, language: ReportLanguage): ReportTable[] {
  const t = texts(language);
  const w = W[language];
  const years = r.expected.byYear;
  const yearColumn = column('year', t.columns.year, 'year');
  const levelTable = (id: string, title: string, basis: 'nominal' | 'npv'): ReportTable => ({
    id,
    title,
    columns: [
      yearColumn,
      ...[...LEVELS, 'total' as const].map((l) => column(l, t.actors[l], 'kroner')),
    ],
    rows: years.map((y) => [
      y.year,
      ...[...LEVELS, 'total' as const].map((l) => y.publicGains[basis][l]),
    ]),
  });
  const percentileRows = (keys: readonly string[]): PercentileRow[] =>
    keys.flatMap((key) =>
      r.monteCarlo.byYear.map((y) => ({
        measure: key,
        label: percentileLabel(key, language),
        year: y.year,
        summary: y[key],
      })),
    );
  const allKeys = Object.keys(r.monteCarlo.byYear[0] ?? {}).filter((k) => k !== 'year');
  return [
    {
      id: 'fundYears',
      title: w.tables.fund,
      columns: [yearColumn, ...FUND_KEYS.map((k) => column(k, w.fundColumns[k], 'kroner'))],
      rows: years.map((y) => [y.year, ...FUND_KEYS.map((k) => y[k])]),
    },
    {
      id: 'people',
      title: w.tables.people,
      columns: [
        yearColumn,
        ...PEOPLE_KEYS.map((k) =>
          column(
            k,
            w.peopleColumns[k],
            k === 'partnerships' || k === 'partnerKommuner' ? 'integer' : 'count',
          ),
        ),
      ],
      rows: years.map((y: FundYearJson) => [y.year, ...PEOPLE_KEYS.map((k) => y[k])]),
    },
    levelTable('somGains', w.tables.gains, 'nominal'),
    levelTable('somGainsDiscounted', w.tables.gainsNpv, 'npv'),
    ...areaTables(r, language),
    {
      ...percentileTable(
        'monteCarloByYearPrinted',
        w.tables.percentiles,
        percentileRows(PRINTED_PERCENTILES),
        language,
      ),
      exported: false,
    },
    {
      ...percentileTable(
        'monteCarloByYear',
        w.tables.percentilesAll,
        percentileRows(allKeys),
        language,
      ),
      printed: false,
    },
  ];
}

/**
 * The yearly SØM gains by welfare area, nominal and discounted, as the engine booked them, when
 * the result carries them (results saved before the split by area was kept do not).
 */
function areaTables(r: FundResultView, language: ReportLanguage): ReportTable[] {
  const t = texts(language);
  const words = AREA_TABLE_WORDS[language];
  const years = r.expected.byYear as (Omit<FundYearJson, 'publicGainsByArea'> &
    Partial<Pick<FundYearJson, 'publicGainsByArea'>>)[];
  const byArea = years.map((y) => y.publicGainsByArea);
  if (!byArea.every((areas) => areas !== undefined)) return [];
  const yearColumns = [column('year', t.columns.year, 'year')];
  const basisYears = (basis: 'nominal' | 'npv') =>
    years.map((y, i) => ({
      yearCells: [y.year],
      byArea: Object.fromEntries(
        WELFARE_AREAS.map((area) => [area, byArea[i][area][basis]]),
      ) as Record<WelfareArea, AreaLevels>,
    }));
  return [
    ...areaYearTables(
      {
        id: 'somGainsByAreaYearly',
        title: words.nominal,
        printedTitle: words.printedNominal,
        yearColumns,
        years: basisYears('nominal'),
      },
      language,
    ),
    ...areaYearTables(
      {
        id: 'somGainsByAreaYearlyDiscounted',
        title: words.discounted,
        printedTitle: words.printedDiscounted,
        note: words.bookedNpvNote,
        yearColumns,
        years: basisYears('npv'),
      },
      language,
    ),
  ];
}

function percentileLabel(key: string, language: ReportLanguage): string {
  return PERCENTILE_LABELS[language][key] ?? key;
}

function charts(
  source: SimulationReportSource,
  r: FundResultView,
  language: ReportLanguage,
): ChartSpec[] {
  const t = texts(language);
  const c = W[language].charts;
  const years = r.expected.byYear.map((y) => String(y.year));
  const mcYears = r.monteCarlo.byYear;
  const fan = (
    id: string,
    title: string,
    key: string,
    expected: (y: FundYearJson) => string,
    unit: string,
  ): ChartSpec => ({
    id,
    kind: 'fan',
    title,
    categories: years,
    bands: [
      { name: c.band90, low: mcYears.map((y) => y[key].p5), high: mcYears.map((y) => y[key].p95) },
      { name: c.band50, low: mcYears.map((y) => y[key].p25), high: mcYears.map((y) => y[key].p75) },
    ],
    series: [
      { name: c.median, values: mcYears.map((y) => y[key].p50) },
      { name: c.expected, values: r.expected.byYear.map((y) => Number(expected(y))) },
    ],
    valueUnit: unit,
  });
  const list: ChartSpec[] = [
    fan('fundValue', c.fundValue, 'fundValue', (y) => y.fundValue, t.units.kroner),
    {
      id: 'cumulativeGains',
      kind: 'line',
      title: c.cumulativeGains,
      categories: years,
      series: LEVELS.map((l) => ({
        name: t.actors[l],
        values: r.expected.byYear.map((y) => Number(y.cumulative.publicGains.nominal[l])),
      })),
      valueUnit: t.units.kroner,
    },
  ];
  const multiples = source.perTrial?.columns.find((col) => col.key === 'fundMultiple');
  if (multiples) {
    const bins = histogram(multiples.values, MULTIPLE_HISTOGRAM_BINS);
    list.push({
      id: 'multipleHistogram',
      kind: 'histogram',
      title: c.histogram,
      categories: bins.counts.map((_, i) => formatNumber(bins.edges[i], 2, language)),
      series: [{ name: c.trials, values: bins.counts }],
      valueUnit: t.units.trials,
    });
  }
  list.push(
    {
      id: 'gainsByYear',
      kind: 'stackedBar',
      title: c.gainsByYear,
      categories: years,
      series: LEVELS.map((l) => ({
        name: t.actors[l],
        stack: 'gains',
        values: r.expected.byYear.map((y) => Number(y.publicGains.nominal[l])),
      })),
      valueUnit: t.units.kroner,
    },
    fan('peopleHelped', c.peopleHelped, 'peopleHelped', (y) => y.peopleHelped, t.units.people),
    fan(
      'capitalDeployed',
      c.capitalDeployed,
      'capitalDeployed',
      (y) => y.capitalDeployed,
      t.units.kroner,
    ),
  );
  return list;
}

/** The report of a fund scenario's Monte Carlo beside its expected projection. */
export function fundReportModel(
  source: SimulationReportSource,
  language: ReportLanguage,
): ReportModel {
  const r = source.result as FundResultView;
  const t = texts(language);
  return {
    kind: 'fundSimulation',
    language,
    title: source.name,
    subtitle: `${t.kinds.fundSimulation} · ${r.expected.startYear}–${r.expected.endYear}`,
    summary: summary(r, language),
    headline: headline(r, language),
    charts: charts(source, r, language),
    tables: tables(r, language),
    assumptions: collectProvenance(source.knowledge, source.provenance, language),
    reproduction: reproductionItems(source.run, language, {
      seed: r.meta.seed,
      trials: r.meta.trials,
      quantileDefinition: r.monteCarlo.quantileDefinition,
    }),
    inputs: inputsTable(r.inputs, language),
  };
}
