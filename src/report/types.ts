/**
 * The report model: everything a printable report, a workbook and the CSV files show, in one
 * language, built from a result JSON. The HTML, the workbook and the CSV render this one model, so
 * a number cannot differ between them. Cell values are kept as they are in the result JSON (money
 * as exact decimal strings), and only formatted at the last step.
 */

export const REPORT_LANGUAGES = ['da', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export type ReportKind = 'contractProjection' | 'contractSimulation' | 'fundSimulation';

/**
 * How a column's values are shown:
 * - 'kroner': exact money string with two decimals, shown with øre;
 * - 'wholeKroner': a Monte Carlo amount (float), shown in whole kroner;
 * - 'count': people, two decimals; 'integer': whole numbers; 'percent': a fraction shown as %;
 * - 'rounded': a Monte Carlo statistic of any unit, shown without decimals;
 * - 'multiple': a money multiple (1.15×); 'decimal': a rate or factor as a plain number;
 * - 'year': a calendar or contract year; 'text'.
 */
export type CellFormat =
  | 'kroner'
  | 'wholeKroner'
  | 'rounded'
  | 'count'
  | 'integer'
  | 'percent'
  | 'multiple'
  | 'decimal'
  | 'year'
  | 'text';

export type CellValue = string | number | null;

export interface ReportColumn {
  /** Stable machine name, used as the CSV header. */
  key: string;
  label: string;
  format: CellFormat;
}

export interface ReportTable {
  /** Stable id: the CSV file name and the workbook sheet it belongs to. */
  id: string;
  title: string;
  note?: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** False for tables only the workbook and the CSV carry (too long to print); default true. */
  printed?: boolean;
  /** False for a printed extract of another table the workbook and the CSV carry whole. */
  exported?: boolean;
}

/** One series of a chart; values align with the chart's categories (null = no value). */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** Stacked bars share a stack name. */
  stack?: string;
}

/** A percentile band [low, high] per category, drawn as a shaded area under the lines. */
export interface ChartBand {
  name: string;
  low: number[];
  high: number[];
}

export type ChartKind = 'fan' | 'line' | 'histogram' | 'tornado' | 'stackedBar' | 'bar';

export interface ChartSpec {
  id: string;
  kind: ChartKind;
  title: string;
  /** Category axis: years, actors, bins, or parameters (tornado). */
  categories: string[];
  series: ChartSeries[];
  bands?: ChartBand[];
  /** Axis unit shown beside the values, e.g. 'kr.' or 'personer'. */
  valueUnit: string;
  note?: string;
  /** 'half': drawn half the page wide, two beside each other (small multiples); default 'full'. */
  size?: 'full' | 'half';
}

/** Where a number comes from, as the knowledge base and the templates record it. */
export type ProvenanceOrigin = 'knowledge' | 'template' | 'scenario' | 'engine';

export interface AssumptionEntry {
  origin: ProvenanceOrigin;
  /** The file (or 'engine constant') the number is in. */
  file: string;
  /** JSON pointer of the number in that file. */
  pointer: string;
  /** What the number is, in words. */
  label: string;
  value: string;
  unit?: string;
  source?: string;
  assumption: boolean;
  calibrated: boolean;
  reason?: string;
  /** True when neither a source nor an assumption flag was recorded for the number. */
  unsourced: boolean;
}

/** A labelled value of the run's settings (seed, trials, software version, ...). */
export interface ReproductionItem {
  label: string;
  value: string;
}

export interface ReportModel {
  kind: ReportKind;
  language: ReportLanguage;
  title: string;
  subtitle: string;
  /** One paragraph in plain language. */
  summary: string;
  headline: ReportTable;
  charts: ChartSpec[];
  /** Yearly and other result tables, in the order shown. */
  tables: ReportTable[];
  assumptions: AssumptionEntry[];
  reproduction: ReproductionItem[];
  /** The run's inputs as JSON pointer → value rows (computed profiles left out). */
  inputs: ReportTable;
}
