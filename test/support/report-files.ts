import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';

/**
 * What a person sees of a report: its PDF as PNG pages (poppler's pdftoppm) and as text
 * (pdftotext), its charts as they sit in the HTML, its workbook as Excel reads it back.
 */

/** Low resolution is enough to know a page was drawn; A4 at 40 dpi is 331 × 468 pixels. */
const PNG_DPI = 40;
const A4_HEIGHT_OVER_WIDTH = 297 / 210;

export interface RenderedPdf {
  pages: { file: string; width: number; height: number; bytes: number }[];
  /** The text layer with every run of white space (line breaks included) as one space. */
  text: string;
}

/** PNG width and height from the IHDR chunk (bytes 16–23 of every PNG). */
export function pngSize(file: string): { width: number; height: number } {
  const header = readFileSync(file);
  if (header.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

export function isA4Portrait(page: { width: number; height: number }): boolean {
  return Math.abs(page.height / page.width - A4_HEIGHT_OVER_WIDTH) < 0.01;
}

/** Renders a PDF to PNG pages and extracts its text layer (in a temporary directory). */
export function renderPdf(pdf: Buffer, keepPagesIn?: string): RenderedPdf {
  const dir = keepPagesIn ?? mkdtempSync(path.join(tmpdir(), 'dsi-report-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(PNG_DPI), file, path.join(dir, 'page')]);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages = readdirSync(dir)
      .filter((name) => /^page-\d+\.png$/.test(name))
      .sort()
      .map((name) => {
        const pageFile = path.join(dir, name);
        return { file: pageFile, ...pngSize(pageFile), bytes: readFileSync(pageFile).length };
      });
    return { pages, text: text.replace(/\s+/g, ' ') };
  } finally {
    if (!keepPagesIn) rmSync(dir, { recursive: true, force: true });
  }
}

export interface ChartFigure {
  id: string;
  values: number;
  svg: string;
}

/** The report's chart figures: id, the number of values it says it draws, its inline SVG. */
export function chartFigures(html: string): ChartFigure[] {
  const figures = [
    ...html.matchAll(
      /<figure class="chart[^"]*" data-chart-id="([^"]+)"[^>]*data-values="(\d+)">([\s\S]*?)<\/figure>/g,
    ),
  ];
  return figures.map((m) => ({ id: m[1], values: Number(m[2]), svg: m[3] }));
}

/** A sheet as rows of cell values (1-based columns shifted to 0-based), header first. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return rows;
}

export async function readWorkbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof data === 'string') await workbook.xlsx.readFile(data);
  else await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** Column index of a header label in a sheet's first row (fails the test if absent). */
export function columnOf(header: unknown[], label: string): number {
  const index = header.indexOf(label);
  if (index < 0) throw new Error(`no column '${label}' in [${header.join(', ')}]`);
  return index;
}
