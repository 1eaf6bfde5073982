import { renderCsv, type Cell } from '../cli/format';
import { assumptionsTable } from './model-common';
import type { PerTrialTable } from './per-trial';
import type { ReportModel, ReportTable } from './types';

/**
 * One CSV file per table of a report (RFC 4180, machine-readable: headers are the stable column
 * keys, numbers exactly as in the result JSON with a dot decimal and no grouping).
 */

function tableCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  return renderCsv(
    table.columns.map((c) => c.key),
    table.rows as Cell[][],
  );
}

function trialsCsv(perTrial: PerTrialTable): string {
  const rows: Cell[][] = [];
  for (let trial = 0; trial < perTrial.trials; trial++) {
    rows.push([
      trial + 1,
      ...perTrial.columns.map((c) => (Number.isFinite(c.values[trial]) ? c.values[trial] : null)),
    ]);
  }
  return renderCsv(['trial', ...perTrial.columns.map((c) => c.key)], rows);
}

/** File name → CSV text: the headline, every table, the assumptions, the inputs and the trials. */
export function reportCsvFiles(
  model: ReportModel,
  perTrial?: PerTrialTable,
): Record<string, string> {
  const files: Record<string, string> = { 'headline.csv': tableCsv(model.headline) };
  for (const table of model.tables) {
    if (table.exported !== false) files[`${table.id}.csv`] = tableCsv(table);
  }
  files['assumptions.csv'] = tableCsv(assumptionsTable(model.assumptions, model.language));
  files['inputs.csv'] = tableCsv(model.inputs);
  if (perTrial) files['trials.csv'] = trialsCsv(perTrial);
  return files;
}
