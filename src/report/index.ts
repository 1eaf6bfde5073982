import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportCsvFiles } from './csv';
import { renderReportHtml } from './html';
import { reportSourceFromResult, type ResultContext } from './load';
import { buildReportModel } from './model';
import { htmlToPdf, type PdfPrinter } from './pdf';
import type { ReportSource } from './source';
import type { ReportLanguage } from './types';
import { modelWorkbookBuffer, writeModelWorkbook } from './workbook';

/**
 * Reports and exports of a contract projection, a contract simulation and a fund simulation:
 * a printable HTML report (and its PDF through headless Chromium), an Excel workbook and one CSV
 * file per table, all rendered from one report model so their numbers cannot differ.
 */
export * from './types';
export { buildReportModel } from './model';
export type { ProjectionJsonView } from './model-projection';
export type { FundResultView } from './model-fund';
export type { ContractSimulationView } from './model-contract-simulation';
export { renderReportHtml, escapeHtml } from './html';
export { renderChartSvg, chartColors, chartValueCount } from './charts';
export { formatCell, formatNumber, formatAmount, formatPercentage } from './format';
export { launchPdfPrinter, htmlToPdf, chromiumPath, type PdfPrinter } from './pdf';
export { reportCsvFiles } from './csv';
export { NUMBER_FORMATS, sheetName, excelValue } from './workbook';
export { collectProvenance, type RunProvenance, type ScenarioDocument } from './provenance';
export { MAX_TRIALS_IN_WORKBOOK, type PerTrialTable, type PerTrialColumn } from './per-trial';
export type {
  ReportSource,
  ProjectionReportSource,
  SimulationReportSource,
  RunInfo,
} from './source';
export {
  isProjectionJson,
  reportSourceFromContract,
  reportSourceFromResult,
  reportSourceFromScenarioFile,
  reportSourceFromStoredRun,
  type PerTrialNeed,
  type ResultContext,
  type StoredRun,
} from './load';

/** The kinds of file `writeReport` writes, by extension. */
export const REPORT_EXTENSIONS = ['.html', '.pdf'] as const;

function isReportSource(value: unknown): value is ReportSource {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return (
    (kind === 'contractProjection' || kind === 'simulation') &&
    typeof (value as { knowledge?: unknown }).knowledge === 'object'
  );
}

async function asSource(resultOrSource: unknown, context?: ResultContext): Promise<ReportSource> {
  return isReportSource(resultOrSource)
    ? resultOrSource
    : reportSourceFromResult(resultOrSource, context);
}

/** The report as HTML. */
export function reportHtml(source: ReportSource, language: ReportLanguage = 'da'): string {
  return renderReportHtml(buildReportModel(source, language));
}

/** The report as a PDF; pass a printer to reuse one Chromium for several reports. */
export async function reportPdf(
  source: ReportSource,
  language: ReportLanguage = 'da',
  printer?: PdfPrinter,
): Promise<Buffer> {
  const model = buildReportModel(source, language);
  const html = renderReportHtml(model);
  return printer ? printer.print(html, model.title) : htmlToPdf(html, model.title);
}

/** Writes the report to `file`: HTML or PDF by its extension. */
export async function writeReport(
  source: ReportSource,
  file: string,
  language: ReportLanguage = 'da',
): Promise<void> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.pdf') writeFileSync(file, await reportPdf(source, language));
  else if (extension === '.html' || extension === '.htm')
    writeFileSync(file, reportHtml(source, language));
  else throw new RangeError(`a report is written as .html or .pdf, not '${extension || file}'`);
}

/**
 * Writes the Excel workbook of a result: a runScenario result JSON (contract or fund), a
 * projection JSON, or a ReportSource. The per-trial sheet is regenerated from the result's seed.
 * `context` names the run and gives the scenario file as written (its numbers' sources); without
 * it the scenario's numbers are listed as unsourced.
 */
export async function writeWorkbook(
  result: unknown,
  file: string,
  language: ReportLanguage = 'da',
  context?: ResultContext,
): Promise<void> {
  const source = await asSource(result, context);
  const model = buildReportModel(source, language);
  await writeModelWorkbook(model, source.kind === 'simulation' ? source.perTrial : undefined, file);
}

/** The Excel workbook of a report source as bytes. */
export async function workbookBuffer(
  source: ReportSource,
  language: ReportLanguage = 'da',
): Promise<Buffer> {
  const model = buildReportModel(source, language);
  return modelWorkbookBuffer(model, source.kind === 'simulation' ? source.perTrial : undefined);
}

/** Writes one CSV file per table into `dir` (created if missing); returns the files written. */
export async function writeCsvTables(
  result: unknown,
  dir: string,
  language: ReportLanguage = 'da',
  context?: ResultContext,
): Promise<string[]> {
  const source = await asSource(result, context);
  const files = reportCsvFiles(
    buildReportModel(source, language),
    source.kind === 'simulation' ? source.perTrial : undefined,
  );
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  });
}
