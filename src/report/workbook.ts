import * as ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { formatCell } from './format';
import { texts } from './i18n';
import { assumptionsTable } from './model-common';
import type { PerTrialTable } from './per-trial';
import type { CellFormat, CellValue, ReportLanguage, ReportModel, ReportTable } from './types';

/**
 * The Excel workbook of a report ("detailed result tables for further work"): an overview with
 * the summary and the headline table, the assumptions with their sources, the inputs, every
 * yearly table, the Monte Carlo percentiles and the per-trial summary. Numbers are real numbers
 * with number formats (kroner with thousands separators, percentages), headers are frozen and
 * columns sized to their contents. Written with exceljs' streaming writer, so 100,000 trial rows
 * never sit in memory as cell objects.
 */

/** Excel number formats; Excel shows the separators of the reader's locale. */
export const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  kroner: '#,##0.00',
  wholeKroner: '#,##0',
  rounded: '#,##0',
  count: '#,##0.00',
  integer: '#,##0',
  percent: '0.0%',
  multiple: '0.00',
  decimal: '0.000',
  year: '0',
  text: undefined,
};

/** Excel's limit on a sheet name, and the characters it forbids in one. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
/** Column widths in characters: room for the widest cell, within bounds. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const WIDTH_PADDING = 2;
/** Height in points of the overview's summary row (about seven wrapped lines). */
const SUMMARY_ROW_HEIGHT = 105;
/** Rows of a long table sampled when sizing its columns. */
const WIDTH_SAMPLE_ROWS = 500;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF5' },
};

const SHEET_NAMES: Record<ReportLanguage, Record<string, string>> = {
  da: {
    overview: 'Oversigt',
    assumptions: 'Forudsætninger',
    inputs: 'Input',
    trials: 'Forsøg',
    flows: 'Pengestrømme',
    net: 'Netto pr. aktør',
    netDiscounted: 'Netto diskonteret',
    cumulativeNet: 'Kumuleret netto',
    somGains: 'SØM pr. år',
    somGainsDiscounted: 'SØM pr. år diskonteret',
    somGainsByArea: 'SØM pr. område',
    somGainsByAreaYearly: 'SØM område og år',
    somGainsByAreaYearlyDiscounted: 'SØM område og år diskonteret',
    outcomePayments: 'Resultatbetalinger',
    outcomes: 'Deltagere',
    fundYears: 'Fondens regnskab',
    people: 'Personer',
    monteCarloByYear: 'Fraktiler pr. år',
    cumulativeNetPercentiles: 'Fraktiler kumuleret netto',
    breakEven: 'Break-even-år',
    monteCarloOutputs: 'Monte Carlo ved slut',
    investorReturns: 'Investorens multipel',
    investorIrr: 'Investorens rente',
    sensitivity: 'Følsomhed',
  },
  en: {
    overview: 'Overview',
    assumptions: 'Assumptions',
    inputs: 'Inputs',
    trials: 'Trials',
    flows: 'Cash flows',
    net: 'Net by actor',
    netDiscounted: 'Net discounted',
    cumulativeNet: 'Cumulative net',
    somGains: 'SOM by year',
    somGainsDiscounted: 'SOM by year discounted',
    somGainsByArea: 'SOM by area',
    somGainsByAreaYearly: 'SOM by area and year',
    somGainsByAreaYearlyDiscounted: 'SOM by area and year discounted',
    outcomePayments: 'Outcome payments',
    outcomes: 'Participants',
    fundYears: 'Fund accounts',
    people: 'People',
    monteCarloByYear: 'Percentiles by year',
    cumulativeNetPercentiles: 'Percentiles cumulative net',
    breakEven: 'Break-even years',
    monteCarloOutputs: 'Monte Carlo at the end',
    investorReturns: 'Investor multiple',
    investorIrr: 'Investor IRR',
    sensitivity: 'Sensitivity',
  },
};

export function sheetName(id: string, language: ReportLanguage): string {
  const name = SHEET_NAMES[language][id] ?? id;
  return name.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX);
}

/** A cell as Excel stores it: numbers as numbers (exact decimal strings parsed), text as text. */
export function excelValue(value: CellValue, format: CellFormat): string | number | null {
  if (value === null || value === '') return null;
  if (format === 'text') return String(value);
  const number = Number(value);
  return Number.isFinite(number) ? number : String(value);
}

function columnWidths(
  table: Pick<ReportTable, 'columns' | 'rows'>,
  language: ReportLanguage,
): number[] {
  const sample = table.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return table.columns.map((col, i) => {
    const widest = Math.max(
      col.label.length,
      ...sample.map((row) => formatCell(row[i], col.format, language).length),
    );
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + WIDTH_PADDING));
  });
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'bottom', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** One table on its own sheet: header in row 1, frozen, with the year (or first) column. */
function addTableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: Pick<ReportTable, 'columns' | 'rows'>,
  language: ReportLanguage,
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  const widths = columnWidths(table, language);
  sheet.columns = table.columns.map((col, i) => ({
    key: col.key,
    width: widths[i],
    style: NUMBER_FORMATS[col.format] ? { numFmt: NUMBER_FORMATS[col.format] } : {},
  }));
  const header = sheet.addRow(table.columns.map((col) => col.label));
  styleHeader(header);
  header.commit();
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => excelValue(value, table.columns[i].format))).commit();
  }
  sheet.commit();
}

/** The overview: title, summary, headline table and how to reproduce the run. */
function addOverviewSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, model: ReportModel): void {
  const t = texts(model.language);
  const headline = model.headline;
  const sheet = workbook.addWorksheet(sheetName('overview', model.language));
  const widths = columnWidths(headline, model.language);
  sheet.columns = headline.columns.map((col, i) => ({
    key: col.key,
    width: Math.max(widths[i], i === 0 ? 24 : 0),
    style: NUMBER_FORMATS[col.format] ? { numFmt: NUMBER_FORMATS[col.format] } : {},
  }));
  const title = sheet.addRow([model.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([model.subtitle]).commit();
  sheet.addRow([]).commit();
  const summaryHeading = sheet.addRow([t.sections.summary]);
  summaryHeading.font = { bold: true };
  summaryHeading.commit();
  const summary = sheet.addRow([model.summary]);
  summary.alignment = { wrapText: true, vertical: 'top' };
  summary.height = SUMMARY_ROW_HEIGHT;
  sheet.mergeCells(summary.number, 1, summary.number, Math.max(1, headline.columns.length));
  summary.commit();
  sheet.addRow([]).commit();
  const headlineHeading = sheet.addRow([t.sections.headline]);
  headlineHeading.font = { bold: true };
  headlineHeading.commit();
  const header = sheet.addRow(headline.columns.map((col) => col.label));
  styleHeader(header);
  header.commit();
  for (const row of headline.rows) {
    sheet.addRow(row.map((value, i) => excelValue(value, headline.columns[i].format))).commit();
  }
  sheet.addRow([]).commit();
  const runHeading = sheet.addRow([t.sections.reproduction]);
  runHeading.font = { bold: true };
  runHeading.commit();
  for (const item of model.reproduction) sheet.addRow([item.label, item.value]).commit();
  sheet.commit();
}

function addTrialsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  perTrial: PerTrialTable,
  language: ReportLanguage,
): void {
  const t = texts(language);
  const sheet = workbook.addWorksheet(sheetName('trials', language), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  sheet.columns = [
    { key: 'trial', width: MIN_WIDTH, style: { numFmt: '0' } },
    ...perTrial.columns.map((col) => ({
      key: col.key,
      width: Math.min(
        MAX_WIDTH,
        Math.max(MIN_WIDTH + 6, col.labels[language].length + WIDTH_PADDING),
      ),
      style: NUMBER_FORMATS[col.format] ? { numFmt: NUMBER_FORMATS[col.format] } : {},
    })),
  ];
  const header = sheet.addRow([
    t.columns.trial,
    ...perTrial.columns.map((col) => col.labels[language]),
  ]);
  styleHeader(header);
  header.commit();
  const row = new Array<number | null>(perTrial.columns.length + 1);
  for (let trial = 0; trial < perTrial.trials; trial++) {
    row[0] = trial + 1;
    for (let c = 0; c < perTrial.columns.length; c++) {
      const value = perTrial.columns[c].values[trial];
      row[c + 1] = Number.isFinite(value) ? value : null;
    }
    sheet.addRow(row).commit();
  }
  sheet.commit();
}

async function writeSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  model: ReportModel,
  perTrial: PerTrialTable | undefined,
): Promise<void> {
  const language = model.language;
  workbook.creator = 'DSI simulator';
  addOverviewSheet(workbook, model);
  addTableSheet(
    workbook,
    sheetName('assumptions', language),
    assumptionsTable(model.assumptions, language),
    language,
  );
  addTableSheet(workbook, sheetName('inputs', language), model.inputs, language);
  for (const table of model.tables) {
    if (table.exported === false) continue;
    addTableSheet(workbook, sheetName(table.id, language), table, language);
  }
  if (perTrial) addTrialsSheet(workbook, perTrial, language);
  await workbook.commit();
}

/** Writes the workbook of a report model to a file. */
export async function writeModelWorkbook(
  model: ReportModel,
  perTrial: PerTrialTable | undefined,
  file: string,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  await writeSheets(workbook, model, perTrial);
}

/** The workbook of a report model as bytes (for an HTTP response). */
export async function modelWorkbookBuffer(
  model: ReportModel,
  perTrial: PerTrialTable | undefined,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  await writeSheets(workbook, model, perTrial);
  await ended;
  return Buffer.concat(chunks);
}
