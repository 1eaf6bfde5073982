import type { Summary } from '../engine/simulation';
import { texts } from './i18n';
import { column } from './model-common';
import type { ReportLanguage, ReportTable } from './types';

/** One output's Monte Carlo summary in one year. */
export interface PercentileRow {
  /** Stable output name, e.g. 'fundValue'. */
  measure: string;
  label: string;
  year: number;
  summary: Summary;
}

const PERCENTILES = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;

/**
 * Monte Carlo percentiles in long form (one row per output and year), the shape a pivot table
 * wants. Values are the result's floats; the report prints them without decimals.
 */
export function percentileTable(
  id: string,
  title: string,
  rows: readonly PercentileRow[],
  language: ReportLanguage,
): ReportTable {
  const t = texts(language);
  return {
    id,
    title,
    columns: [
      column('measure', t.columns.measure, 'text'),
      column('year', t.columns.year, 'year'),
      column('mean', t.columns.mean, 'rounded'),
      ...PERCENTILES.map((p) => column(p, t.columns[p], 'rounded')),
    ],
    rows: rows.map((row) => [
      row.label,
      row.year,
      row.summary.mean,
      ...PERCENTILES.map((p) => row.summary[p]),
    ]),
  };
}
