import { formatAmount, formatNumber, formatPercentage } from './format';
import { texts } from './i18n';
import { calendarYear, column, inputsTable } from './model-common';
import { CONTRACT_SIMULATION_WORDS } from './words-contract-simulation';
import {
  HEADLINE_ACTORS,
  projectionCharts,
  projectionYearlyTables,
  type ProjectionJsonView,
} from './model-projection';
import { collectProvenance } from './provenance';
import { reproductionItems } from './reproduction';
import type { SimulationReportSource } from './source';
import type { CellValue, ChartSpec, ReportLanguage, ReportModel, ReportTable } from './types';

/** The parts of a contract simulation's JSON a report shows (src/engine/simulation/contract-result-json.ts). */
interface SummaryJson {
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  histogram: { edges: (number | null)[]; counts: number[] };
}
interface FanYearJson {
  year: number;
  calendarYear: number;
  mean: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}
interface BreakEvenJson {
  byYear: { year: number; calendarYear: number; share: number }[];
  never: number;
}
type SweepNets = { kommune: number; public: number; investor: number | null };
interface SweepPointJson {
  value: number;
  netAtHorizon?: SweepNets;
  /** What results made before the sweeps became deterministic call it (Monte Carlo means). */
  meanNetAtHorizon?: SweepNets;
}

/** A sweep point's nets, under the name of the version that made the result. */
function netsAt(point: SweepPointJson): SweepNets {
  return (point.netAtHorizon ?? point.meanNetAtHorizon) as SweepNets;
}
interface SensitivityEntryJson {
  parameter: string;
  unit: 'rate' | 'multiplier';
  range: [number, number];
  low: SweepPointJson;
  base: SweepPointJson;
  high: SweepPointJson;
  switchingValue: { kommune: number | null; investor: number | null };
}
export interface ContractSimulationView {
  inputs: Record<string, unknown>;
  expected: ProjectionJsonView;
  monteCarlo: {
    trials: number;
    quantileDefinition: string;
    outputs: {
      netAtHorizon: Record<string, SummaryJson | null>;
      outcomePayments: SummaryJson;
      investorMultiple: SummaryJson | null;
      investorIrr: SummaryJson | null;
      additionalSuccesses: SummaryJson;
      somGains: Record<string, SummaryJson>;
    };
    fanChart: { trials: number; cumulativeNet: Record<string, FanYearJson[] | null> };
    breakEven: Record<string, BreakEvenJson | null>;
    probabilities: {
      investorLoss: number | null;
      investorReachesTarget: number | null;
      netNegativeAtHorizon: Record<string, number | null>;
    };
  };
  sensitivity: {
    variation: number;
    parameters: SensitivityEntryJson[];
  } | null;
  meta: { seed: string | number; trials: number; version: string | null };
}

/** Actors of the Monte Carlo (MONTE_CARLO_ACTORS), in the headline's order. */
const MC_ACTORS = ['kommune', 'region', 'stat', 'investor', 'provider', 'public'] as const;
/** The fan charts drawn, one small chart each; the region only when it has flows. */
const FAN_ACTORS = ['kommune', 'stat', 'region', 'investor', 'provider'] as const;
/** The central 90% of a distribution lies between these probabilities. */
const LOWER_TAIL = 0.05;
const UPPER_TAIL = 0.95;

const W = CONTRACT_SIMULATION_WORDS;

/**
 * The 5% and 95% quantiles of a break-even year distribution (never = after the horizon): the
 * first contract year whose cumulative share reaches each tail; null when it is never reached.
 */
export function breakEvenQuantiles(distribution: BreakEvenJson): {
  low: number | null;
  high: number | null;
} {
  let cumulative = 0;
  let low: number | null = null;
  let high: number | null = null;
  for (const { year, share } of distribution.byYear) {
    cumulative += share;
    if (low === null && cumulative >= LOWER_TAIL) low = year;
    if (high === null && cumulative >= UPPER_TAIL) high = year;
  }
  return { low, high };
}

function breakEvenSentence(r: ContractSimulationView, language: ReportLanguage): string {
  const w = W[language];
  const distribution = r.monteCarlo.breakEven.kommune;
  const start = r.expected.contract.startYear;
  if (distribution === null) return w.breakEvenNever;
  const { low, high } = breakEvenQuantiles(distribution);
  if (low !== null && high !== null) {
    return w.breakEvenRange(low, high, start + low - 1, start + high - 1);
  }
  const within = 1 - distribution.never;
  if (within <= 0) return w.breakEvenNever;
  const mode = distribution.byYear.reduce((best, y) => (y.share > best.share ? y : best));
  return w.breakEvenLikely(formatPercentage(within, language), mode.year, mode.calendarYear);
}

function summary(r: ContractSimulationView, language: ReportLanguage): string {
  const w = W[language];
  const kroner = (v: number | string | null) => (v === null ? '–' : formatAmount(v, language));
  const kommune = r.monteCarlo.outputs.netAtHorizon.kommune;
  const negative = r.monteCarlo.probabilities.netNegativeAtHorizon.kommune;
  let text =
    breakEvenSentence(r, language) +
    w.net(
      r.expected.contract.horizonYears,
      kroner(kommune?.p5 ?? null),
      kroner(kommune?.p95 ?? null),
      kroner(r.expected.net.kommune),
      negative === null ? '–' : formatPercentage(negative, language),
    );
  const multiple = r.monteCarlo.outputs.investorMultiple;
  const loss = r.monteCarlo.probabilities.investorLoss;
  if (multiple && multiple.p5 !== null && multiple.p95 !== null && loss !== null) {
    text += w.investor(
      formatNumber(multiple.p5, 2, language),
      formatNumber(multiple.p95, 2, language),
      formatPercentage(loss, language),
    );
  }
  return text + w.trials(formatNumber(r.monteCarlo.trials, 0, language));
}

function headline(r: ContractSimulationView, language: ReportLanguage): ReportTable {
  const t = texts(language);
  const c = W[language].columns;
  const start = r.expected.contract.startYear;
  return {
    id: 'headline',
    title: t.sections.headline,
    note: t.common.missingNote,
    columns: [
      column('actor', t.columns.actor, 'text'),
      column('expectedNet', c.expectedNet, 'kroner'),
      column('mean', c.mean, 'wholeKroner'),
      column('p5', c.p5, 'wholeKroner'),
      column('p50', c.p50, 'wholeKroner'),
      column('p95', c.p95, 'wholeKroner'),
      column('probabilityNegative', c.negative, 'percent'),
      column('breakEvenYear', t.columns.breakEven, 'year'),
    ],
    rows: HEADLINE_ACTORS.map((actor) => {
      const s = r.monteCarlo.outputs.netAtHorizon[actor];
      const negative =
        actor === 'investor'
          ? r.monteCarlo.probabilities.investorLoss
          : (r.monteCarlo.probabilities.netNegativeAtHorizon[actor] ?? null);
      return [
        t.actors[actor],
        r.expected.net[actor],
        s?.mean ?? null,
        s?.p5 ?? null,
        s?.p50 ?? null,
        s?.p95 ?? null,
        negative,
        calendarYear(start, r.expected.breakEvenYear[actor]),
      ];
    }),
  };
}

/** Has this actor any flow at all (the region in a kommune's contract has none)? */
function takesPart(r: ContractSimulationView, actor: string): boolean {
  const fan = r.monteCarlo.fanChart.cumulativeNet[actor];
  return fan !== null && fan !== undefined && fan.some((y) => y.p5 !== 0 || y.p95 !== 0);
}

function charts(r: ContractSimulationView, language: ReportLanguage): ChartSpec[] {
  const t = texts(language);
  const c = W[language].charts;
  const years = r.expected.byYear.map((y) => String(y.calendarYear));
  const fans: ChartSpec[] = FAN_ACTORS.filter((actor) => takesPart(r, actor)).map((actor) => {
    const fan = r.monteCarlo.fanChart.cumulativeNet[actor] as FanYearJson[];
    return {
      id: `fan-${actor}`,
      kind: 'fan',
      size: 'half',
      title: c.fan(t.actors[actor]),
      categories: years,
      bands: [
        { name: c.band90, low: fan.map((y) => y.p5), high: fan.map((y) => y.p95) },
        { name: c.band50, low: fan.map((y) => y.p25), high: fan.map((y) => y.p75) },
      ],
      series: [
        { name: c.median, values: fan.map((y) => y.p50) },
        { name: c.expected, values: r.expected.byYear.map((y) => Number(y.cumulativeNet[actor])) },
      ],
      valueUnit: t.units.kroner,
    };
  });
  const list = [...fans];
  const multiple = r.monteCarlo.outputs.investorMultiple;
  if (multiple && multiple.histogram.counts.length > 0) {
    list.push({
      id: 'multipleHistogram',
      kind: 'histogram',
      title: c.histogram,
      categories: multiple.histogram.counts.map((_, i) =>
        formatNumber(multiple.histogram.edges[i] ?? 0, 2, language),
      ),
      series: [{ name: c.trials, values: multiple.histogram.counts }],
      valueUnit: t.units.trials,
    });
  }
  const sensitivity = r.sensitivity;
  const params = W[language].parameters;
  if (sensitivity && sensitivity.parameters.length > 0) {
    const tornadoActors =
      r.expected.investor.multiple === null ? ['kommune'] : ['kommune', 'investor'];
    for (const actor of tornadoActors as ('kommune' | 'investor')[]) {
      const entries = [...sensitivity.parameters].sort((a, b) => swing(b, actor) - swing(a, actor));
      list.push({
        id: `tornado-${actor}`,
        kind: 'tornado',
        title: c.tornado(t.actors[actor]),
        categories: entries.map((e) => params[e.parameter] ?? e.parameter),
        series: [
          { name: c.low, values: entries.map((e) => delta(e.low, e.base, actor)) },
          { name: c.high, values: entries.map((e) => delta(e.high, e.base, actor)) },
        ],
        valueUnit: t.units.kroner,
        note:
          language === 'da'
            ? 'Søjlerne viser ændringen i forhold til basisværdien.'
            : 'The bars show the change from the base value.',
      });
    }
  }
  list.push(
    ...projectionCharts(r.expected, language).filter((chart) => chart.id === 'gainsByArea'),
  );
  return list;
}

function delta(
  point: SweepPointJson,
  base: SweepPointJson,
  actor: 'kommune' | 'investor',
): number | null {
  const value = netsAt(point)[actor];
  const baseValue = netsAt(base)[actor];
  return value === null || baseValue === null ? null : value - baseValue;
}

function swing(entry: SensitivityEntryJson, actor: 'kommune' | 'investor'): number {
  return Math.abs(
    (delta(entry.high, entry.base, actor) ?? 0) - (delta(entry.low, entry.base, actor) ?? 0),
  );
}

function monteCarloTables(r: ContractSimulationView, language: ReportLanguage): ReportTable[] {
  const t = texts(language);
  const w = W[language];
  const mc = r.monteCarlo;
  const fanRows: CellValue[][] = MC_ACTORS.flatMap((actor) =>
    (mc.fanChart.cumulativeNet[actor] ?? []).map((y) => [
      t.actors[actor],
      y.calendarYear,
      y.mean,
      y.p5,
      y.p25,
      y.p50,
      y.p75,
      y.p95,
    ]),
  );
  const quantileColumns = (['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const).map((k) =>
    column(k, t.columns[k], 'rounded'),
  );
  const outputRow = (label: string, s: SummaryJson | null | undefined): CellValue[] =>
    s
      ? [label, s.mean, s.p5, s.p25, s.p50, s.p75, s.p95]
      : [label, null, null, null, null, null, null];
  const start = r.expected.contract.startYear;
  const yearsCount = r.expected.contract.horizonYears;
  const breakEvenActors = MC_ACTORS.filter((a) => mc.breakEven[a]);
  const tables: ReportTable[] = [
    {
      id: 'cumulativeNetPercentiles',
      title: w.tables.fan,
      columns: [
        column('actor', t.columns.actor, 'text'),
        column('year', t.columns.year, 'year'),
        ...quantileColumns,
      ],
      rows: fanRows,
    },
    {
      id: 'breakEven',
      title: w.tables.breakEven,
      columns: [
        column('actor', t.columns.actor, 'text'),
        ...Array.from({ length: yearsCount }, (_, y) =>
          column(`year${y + 1}`, String(start + y), 'percent'),
        ),
        column('never', w.tables.never, 'percent'),
      ],
      rows: breakEvenActors.map((actor) => {
        const d = mc.breakEven[actor] as BreakEvenJson;
        return [t.actors[actor], ...d.byYear.map((y) => y.share), d.never];
      }),
    },
    {
      id: 'monteCarloOutputs',
      title: w.tables.outputs,
      columns: [column('output', t.columns.measure, 'text'), ...quantileColumns],
      rows: [
        ...MC_ACTORS.filter((a) => mc.outputs.netAtHorizon[a]).map((a) =>
          outputRow(w.outputs.net(t.actors[a]), mc.outputs.netAtHorizon[a]),
        ),
        ...Object.keys(mc.outputs.somGains).map((a) =>
          outputRow(w.outputs.gains(t.actors[a]), mc.outputs.somGains[a]),
        ),
        outputRow(w.outputs.outcomePayments, mc.outputs.outcomePayments),
        outputRow(w.outputs.additionalSuccesses, mc.outputs.additionalSuccesses),
      ],
    },
  ];
  if (mc.outputs.investorMultiple) {
    const m = mc.outputs.investorMultiple;
    const irr = mc.outputs.investorIrr;
    const pick = (s: SummaryJson | null) => (s ? [s.mean, s.p5, s.p25, s.p50, s.p75, s.p95] : []);
    tables.push({
      id: 'investorReturns',
      title: w.tables.returns,
      columns: [
        column('output', t.columns.measure, 'text'),
        ...(['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const).map((k) =>
          column(k, t.columns[k], 'multiple'),
        ),
      ],
      rows: [[w.outputs.multiple, ...pick(m)]],
    });
    if (irr) {
      tables.push({
        id: 'investorIrr',
        title: `${w.tables.returns}: ${w.outputs.irr}`,
        columns: [
          column('output', t.columns.measure, 'text'),
          ...(['mean', 'p5', 'p25', 'p50', 'p75', 'p95'] as const).map((k) =>
            column(k, t.columns[k], 'percent'),
          ),
        ],
        rows: [[w.outputs.irr, ...pick(irr)]],
      });
    }
  }
  if (r.sensitivity && r.sensitivity.parameters.length > 0) {
    const s = w.sensitivityColumns;
    const hasInvestor = r.expected.investor.multiple !== null;
    tables.push({
      id: 'sensitivity',
      title: w.tables.sensitivity,
      columns: [
        column('parameter', s.parameter, 'text'),
        column('low', s.low, 'decimal'),
        column('high', s.high, 'decimal'),
        column('kommuneLow', s.kommuneLow, 'wholeKroner'),
        column('kommuneBase', s.kommuneBase, 'wholeKroner'),
        column('kommuneHigh', s.kommuneHigh, 'wholeKroner'),
        ...(hasInvestor
          ? [
              column('investorLow', s.investorLow, 'wholeKroner'),
              column('investorBase', s.investorBase, 'wholeKroner'),
              column('investorHigh', s.investorHigh, 'wholeKroner'),
            ]
          : []),
        column('switchKommune', s.switchKommune, 'decimal'),
        ...(hasInvestor ? [column('switchInvestor', s.switchInvestor, 'decimal')] : []),
      ],
      rows: r.sensitivity.parameters.map((e) => [
        W[language].parameters[e.parameter] ?? e.parameter,
        e.low.value,
        e.high.value,
        netsAt(e.low).kommune,
        netsAt(e.base).kommune,
        netsAt(e.high).kommune,
        ...(hasInvestor
          ? [netsAt(e.low).investor, netsAt(e.base).investor, netsAt(e.high).investor]
          : []),
        e.switchingValue.kommune,
        ...(hasInvestor ? [e.switchingValue.investor] : []),
      ]),
    });
  }
  return tables;
}

/** The report of a contract's Monte Carlo beside its exact projection at expected values. */
export function contractSimulationReportModel(
  source: SimulationReportSource,
  language: ReportLanguage,
): ReportModel {
  const r = source.result as ContractSimulationView;
  const t = texts(language);
  const e = r.expected.contract;
  return {
    kind: 'contractSimulation',
    language,
    title: source.name,
    subtitle: `${t.kinds.contractSimulation} · ${e.name} · ${e.startYear}–${e.endYear}`,
    summary: summary(r, language),
    headline: headline(r, language),
    charts: charts(r, language),
    tables: [...projectionYearlyTables(r.expected, language), ...monteCarloTables(r, language)],
    assumptions: collectProvenance(source.knowledge, source.provenance, language),
    reproduction: reproductionItems(source.run, language, {
      seed: r.meta.seed,
      trials: r.meta.trials,
      quantileDefinition: r.monteCarlo.quantileDefinition,
    }),
    inputs: inputsTable(r.inputs, language),
  };
}
