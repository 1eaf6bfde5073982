import { formatKroner, formatNumber, formatPercent } from './format.js';
import { t } from './i18n.js';

/**
 * echarts options for the page's charts. Every chart is drawn without animation (so a
 * screenshot or a test sees the final picture) and labels numbers the Danish way.
 */

// echarts' option type is large; the builders return plain objects it accepts.
type Option = Record<string, unknown>;

/** One colour per payment model, in the order of the table (colour-blind safe pairs). */
export const MODEL_COLOURS = ['#1f5fa8', '#d9822b', '#2f9e44', '#8e44ad'];
export const ACTOR_COLOURS: Record<string, string> = {
  kommune: '#1f5fa8',
  region: '#2f9e44',
  stat: '#c0392b',
};
const FEASIBLE_COLOUR = '#2f9e44';
/** One colour per condition in the zone chart. */
const CONDITION_COLOURS = ['#1f5fa8', '#c0392b', '#8e44ad', '#d9822b', '#16a085', '#555'];
const INFEASIBLE_COLOUR = '#e3e6ea';
const BAND_OPACITY = 0.18;

const BASE: Option = {
  animation: false,
  textStyle: { fontFamily: 'system-ui, sans-serif' },
  grid: { left: 90, right: 30, top: 40, bottom: 50 },
};

const moneyAxis = {
  type: 'value',
  name: 'mio. kr.',
  nameTextStyle: { align: 'right' },
  axisLabel: { formatter: (v: number) => formatNumber(v / 1e6, 1) },
};

export function renderChart(element: HTMLElement, option: Option): void {
  const chart =
    echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
  chart.setOption(option, true);
}

export function resizeCharts(): void {
  document.querySelectorAll<HTMLElement>('.chart').forEach((element) => {
    echarts.getInstanceByDom(element)?.resize();
  });
}

export interface FanSeries {
  label: string;
  /** Position of the model in the table (its colour). */
  index: number;
  years: number[];
  p5: number[];
  p50: number[];
  p95: number[];
}

/** Median line and 90% band per model: the band is a transparent p5 line plus a stacked p95 − p5 area. */
export function fanChartOption(series: FanSeries[]): Option {
  const years = series[0]?.years ?? [];
  return {
    ...BASE,
    legend: { top: 0, data: series.map((s) => s.label) },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatKroner(v),
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: moneyAxis,
    series: series.flatMap((s) => {
      const colour = MODEL_COLOURS[s.index % MODEL_COLOURS.length];
      const stack = `band-${s.index}`;
      return [
        {
          type: 'line',
          data: s.p5,
          stack,
          lineStyle: { opacity: 0 },
          symbol: 'none',
          tooltip: { show: false },
        },
        {
          type: 'line',
          data: s.p95.map((v, y) => v - s.p5[y]),
          stack,
          stackStrategy: 'all',
          lineStyle: { opacity: 0 },
          symbol: 'none',
          areaStyle: { color: colour, opacity: BAND_OPACITY },
          tooltip: { show: false },
        },
        {
          type: 'line',
          name: s.label,
          data: s.p50,
          lineStyle: { color: colour, width: 2.5 },
          itemStyle: { color: colour },
        },
      ];
    }),
  };
}

export interface HistogramSeries {
  label: string;
  index: number;
  edges: number[];
  counts: number[];
}

/** Share of trials per bin, drawn as a step area per model so several can overlap. */
export function histogramOption(series: HistogramSeries[]): Option {
  return {
    ...BASE,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v) },
    xAxis: {
      type: 'value',
      name: '×',
      scale: true,
      axisLabel: { formatter: (v: number) => formatNumber(v, 2) },
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v, 0) } },
    series: series.map((s) => {
      const total = s.counts.reduce((a, b) => a + b, 0) || 1;
      const colour = MODEL_COLOURS[s.index % MODEL_COLOURS.length];
      const points = s.counts.map((count, b) => [(s.edges[b] + s.edges[b + 1]) / 2, count / total]);
      return {
        type: 'line',
        name: s.label,
        step: 'middle',
        symbol: 'none',
        data: points,
        lineStyle: { color: colour },
        itemStyle: { color: colour },
        areaStyle: { color: colour, opacity: 0.25 },
      };
    }),
  };
}

export interface TornadoBar {
  name: string;
  low: number;
  high: number;
  base: number;
}

/** Horizontal bars of the change from the base when each input is moved down or up, widest on top. */
export function tornadoOption(bars: TornadoBar[]): Option {
  const sorted = [...bars].sort((a, b) => Math.abs(a.high - a.low) - Math.abs(b.high - b.low));
  return {
    ...BASE,
    grid: { left: 150, right: 30, top: 40, bottom: 40 },
    legend: { top: 0, data: [t('low'), t('high')] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatKroner(v),
    },
    xAxis: moneyAxis,
    yAxis: { type: 'category', data: sorted.map((b) => b.name) },
    series: [
      {
        name: t('low'),
        type: 'bar',
        stack: 'change',
        data: sorted.map((b) => b.low - b.base),
        itemStyle: { color: '#d9822b' },
      },
      {
        name: t('high'),
        type: 'bar',
        stack: 'change',
        data: sorted.map((b) => b.high - b.base),
        itemStyle: { color: '#1f5fa8' },
      },
    ],
  };
}

/** SØM gains stacked by actor over the welfare areas. */
export function gainsByAreaOption(areas: string[], byActor: Record<string, number[]>): Option {
  return {
    ...BASE,
    grid: { left: 90, right: 30, top: 40, bottom: 80 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatKroner(v),
    },
    xAxis: {
      type: 'category',
      data: areas.map((a) => t(a)),
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: moneyAxis,
    series: Object.entries(byActor).map(([actor, values]) => ({
      name: t(actor),
      type: 'bar',
      stack: 'gains',
      data: values,
      itemStyle: { color: ACTOR_COLOURS[actor] },
    })),
  };
}

export interface ZoneLine {
  label: string;
  unit: 'rate' | 'probability' | 'kroner';
  /** The condition's limit, drawn as a dashed line in the line's colour. */
  limit: number;
  points: [number, number][];
}

/** Each condition's measured value along the lever, the zones of agreement shaded green. */
export function zoneChartOption(
  lines: ZoneLine[],
  zones: [number, number][],
  formatLever: (v: number) => string,
  range: [number, number],
): Option {
  const hasMoney = lines.some((l) => l.unit === 'kroner');
  const hasShare = lines.some((l) => l.unit !== 'kroner');
  const yAxes = [
    ...(hasShare
      ? [{ type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v, 0) } }]
      : []),
    ...(hasMoney ? [{ ...moneyAxis, position: hasShare ? 'right' : 'left' }] : []),
  ];
  return {
    ...BASE,
    grid: { left: 70, right: 90, top: 60, bottom: 50 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    color: CONDITION_COLOURS,
    xAxis: { type: 'value', min: range[0], max: range[1], axisLabel: { formatter: formatLever } },
    yAxis: yAxes,
    series: lines.map((line, i) => ({
      name: line.label,
      type: 'line',
      yAxisIndex: line.unit === 'kroner' && hasShare ? 1 : 0,
      data: line.points,
      symbolSize: 5,
      tooltip: {
        valueFormatter: (v: number) =>
          line.unit === 'kroner' ? formatKroner(v) : formatPercent(v),
      },
      lineStyle: { color: CONDITION_COLOURS[i % CONDITION_COLOURS.length] },
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        lineStyle: { type: 'dashed', color: CONDITION_COLOURS[i % CONDITION_COLOURS.length] },
        data: [{ yAxis: line.limit }],
      },
      markArea:
        i === 0
          ? {
              silent: true,
              itemStyle: { color: FEASIBLE_COLOUR, opacity: 0.15 },
              data: zones.map(([from, to]) => [{ xAxis: from }, { xAxis: to }]),
            }
          : undefined,
    })),
  };
}

/** The 2-D map: a cell per pair of lever values, green where every condition holds. */
export function leverMapOption(
  names: [string, string],
  xLabels: string[],
  yLabels: string[],
  cells: { feasible: boolean; failing: string[] }[][],
): Option {
  const data = cells.flatMap((row, i) =>
    row.map((cell, j) => [i, j, cell.feasible ? 1 : 0, cell.failing.join(', ')]),
  );
  return {
    ...BASE,
    grid: { left: 110, right: 30, top: 40, bottom: 80 },
    tooltip: {
      formatter: (p: { data: [number, number, number, string] }) =>
        `${xLabels[p.data[0]]} × ${yLabels[p.data[1]]}<br>${p.data[2] ? t('feasible') : p.data[3]}`,
    },
    xAxis: {
      type: 'category',
      name: names[0],
      nameLocation: 'middle',
      nameGap: 50,
      data: xLabels,
      axisLabel: { rotate: 30 },
    },
    yAxis: { type: 'category', name: names[1], data: yLabels },
    visualMap: {
      show: false,
      dimension: 2,
      min: 0,
      max: 1,
      inRange: { color: [INFEASIBLE_COLOUR, FEASIBLE_COLOUR] },
    },
    series: [{ type: 'heatmap', data, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  };
}

/** The fund's value by year: median with the 50% and 90% bands. */
export function fundFanOption(
  years: number[],
  band: { p5: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] },
  expected: number[],
): Option {
  const stacked = (name: string, lower: number[], upper: number[], opacity: number) => [
    {
      type: 'line',
      data: lower,
      stack: name,
      lineStyle: { opacity: 0 },
      symbol: 'none',
      tooltip: { show: false },
    },
    {
      type: 'line',
      data: upper.map((v, y) => v - lower[y]),
      stack: name,
      stackStrategy: 'all',
      lineStyle: { opacity: 0 },
      symbol: 'none',
      areaStyle: { color: MODEL_COLOURS[0], opacity },
      tooltip: { show: false },
    },
  ];
  return {
    ...BASE,
    legend: { top: 0, data: ['median', t('expected')] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatKroner(v) },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: moneyAxis,
    series: [
      ...stacked('p90', band.p5, band.p95, BAND_OPACITY),
      ...stacked('p50', band.p25, band.p75, BAND_OPACITY * 1.6),
      {
        type: 'line',
        name: 'median',
        data: band.p50,
        lineStyle: { color: MODEL_COLOURS[0], width: 2.5 },
      },
      {
        type: 'line',
        name: t('expected'),
        data: expected,
        lineStyle: { color: '#333', type: 'dashed' },
      },
    ],
  };
}

export function peopleBarsOption(years: number[], helped: number[], employed: number[]): Option {
  return {
    ...BASE,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [
      {
        name: t('peopleHelped'),
        type: 'bar',
        data: helped,
        itemStyle: { color: MODEL_COLOURS[0] },
      },
      {
        name: t('peopleEmployed'),
        type: 'bar',
        data: employed,
        itemStyle: { color: MODEL_COLOURS[2] },
      },
    ],
  };
}
