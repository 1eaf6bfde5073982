import * as echarts from 'echarts';
import { formatNumber } from './format';
import type { ChartSpec, ReportLanguage } from './types';

/**
 * Charts as inline SVG, rendered on the server by echarts' string renderer (no DOM, no canvas):
 * the report needs no script and no network to show them, and prints as vectors.
 */

/** A4 portrait leaves about 180 mm between the margins: 680 CSS pixels at 96 per inch. */
export const CHART_WIDTH_PX = 680;
export const CHART_HEIGHT_PX = 280;
/** Small multiples, two beside each other. */
export const HALF_CHART_WIDTH_PX = 335;
export const HALF_CHART_HEIGHT_PX = 250;
/** Space under the plot for the axis labels and the legend. */
const CHART_BOTTOM_PX = 55;
const HALF_CHART_BOTTOM_PX = 80;

/** Colour of series i (a palette that stays apart in grey print too). */
export const SERIES_COLORS = [
  '#1f4e79',
  '#c55a11',
  '#548235',
  '#7030a0',
  '#bf9000',
  '#2e75b6',
  '#a50021',
];
/** Fill of a fan chart's bands, outer (90%) first. */
export const BAND_COLORS = ['#c9d9ea', '#8fb2d6'];

/**
 * echarts' server renderer measures text with Arial-like widths (it has no canvas), so charts use
 * Arial or its metric twin Liberation Sans (Debian's fonts-liberation) to keep labels apart.
 */
const FONT_FAMILY = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif";
/** Room between legend entries, generous for a fallback font wider than Arial. */
const LEGEND_ITEM_GAP = 18;
const MILLION = 1_000_000;
const THOUSAND = 1_000;

/** Axis labels in short form: 12.500.000 → "12,5 mio." (da) or "12.5m" (en). */
export function axisLabel(value: number, language: ReportLanguage): string {
  const abs = Math.abs(value);
  if (abs >= MILLION) {
    const digits = formatNumber(value / MILLION, abs >= 10 * MILLION ? 0 : 1, language);
    return language === 'da' ? `${digits} mio.` : `${digits}m`;
  }
  if (abs >= 10 * THOUSAND) {
    const digits = formatNumber(value / THOUSAND, 0, language);
    return language === 'da' ? `${digits} t.` : `${digits}k`;
  }
  return formatNumber(value, Number.isInteger(value) ? 0 : 2, language);
}

/** The colours a chart's data marks are drawn in: one per series, then one per band. */
export function chartColors(spec: ChartSpec): string[] {
  return [
    ...spec.series.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]),
    ...(spec.bands ?? []).map((_, i) => BAND_COLORS[i % BAND_COLORS.length]),
  ];
}

type SeriesOption = Record<string, unknown>;

/** A band as two stacked lines: the low edge (invisible) and the width filled above it. */
function bandSeries(spec: ChartSpec): SeriesOption[] {
  return (spec.bands ?? []).flatMap((band, i) => {
    const stack = `band-${i}`;
    const common = {
      type: 'line',
      stack,
      // 'all' stacks negative values too; the default 'samesign' would break a band below 0.
      stackStrategy: 'all',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
    };
    return [
      { ...common, name: `${band.name} (low)`, data: band.low },
      {
        ...common,
        name: band.name,
        data: band.high.map((high, k) => high - band.low[k]),
        areaStyle: { color: BAND_COLORS[i % BAND_COLORS.length], opacity: 1 },
        color: BAND_COLORS[i % BAND_COLORS.length],
      },
    ];
  });
}

function dataSeries(spec: ChartSpec): SeriesOption[] {
  return spec.series.map((series, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length];
    const base = { name: series.name, data: series.values, color };
    switch (spec.kind) {
      case 'line':
      case 'fan':
        return { ...base, type: 'line', symbolSize: 5, lineStyle: { width: 2, color } };
      case 'histogram':
        return { ...base, type: 'bar', barCategoryGap: '5%' };
      case 'tornado':
        // Low and high bars overlap at one position, each drawn from 0 to its change.
        return { ...base, type: 'bar', barGap: '-100%', barWidth: '55%' };
      default:
        return { ...base, type: 'bar', ...(series.stack ? { stack: series.stack } : {}) };
    }
  });
}

function option(spec: ChartSpec, language: ReportLanguage): Record<string, unknown> {
  const horizontal = spec.kind === 'tornado';
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    axisLabel: { fontSize: 10, interval: spec.kind === 'histogram' ? 4 : 0 },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = {
    type: 'value',
    name: spec.valueUnit,
    nameTextStyle: { fontSize: 10 },
    axisLabel: { fontSize: 10, formatter: (value: number) => axisLabel(value, language) },
  };
  const bandLegend = (spec.bands ?? []).map((band) => band.name);
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    // A half-width chart's legend wraps onto a second line: leave it room below the axis.
    grid: {
      left: horizontal ? 150 : 70,
      right: 20,
      top: 30,
      bottom: spec.size === 'half' ? HALF_CHART_BOTTOM_PX : CHART_BOTTOM_PX,
      containLabel: false,
    },
    legend: {
      bottom: 0,
      itemGap: LEGEND_ITEM_GAP,
      textStyle: { fontSize: 10 },
      data: [...spec.series.map((s) => s.name), ...bandLegend],
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [...bandSeries(spec), ...dataSeries(spec)],
  };
}

/** The chart as a standalone SVG string; its class names are made unique to the chart. */
export function renderChartSvg(spec: ChartSpec, language: ReportLanguage): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: spec.size === 'half' ? HALF_CHART_WIDTH_PX : CHART_WIDTH_PX,
    height: spec.size === 'half' ? HALF_CHART_HEIGHT_PX : CHART_HEIGHT_PX,
  });
  try {
    chart.setOption(option(spec, language));
    return chart.renderToSVGString().replace(/zr\d+-cls-/g, `zr-${spec.id}-cls-`);
  } finally {
    chart.dispose();
  }
}

/** Number of finite values a chart draws (the report refuses to draw an empty chart). */
export function chartValueCount(spec: ChartSpec): number {
  const finite = (values: readonly (number | null)[]) =>
    values.filter((v) => v !== null && Number.isFinite(v)).length;
  return (
    spec.series.reduce((n, s) => n + finite(s.values), 0) +
    (spec.bands ?? []).reduce((n, b) => n + finite(b.low) + finite(b.high), 0)
  );
}
