import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';
import { readWorkbook, renderPdf, sheetRows } from './support/report-files';

/**
 * `dsi report` as a user runs it (the built CLI as a child process): a fund scenario to PDF, a
 * contract template to HTML and to a workbook, a scenario to CSV files, a saved run by its id,
 * and bad input with exit code 2.
 */

const EXIT_BAD_INPUT = 2;
const RUN_ID = /simulation run ([0-9a-f-]{36})/;

describe('dsi report', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsi-report-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the PDF report of the DSI capital injection scenario', () => {
    const out = path.join(dir, 'fund.pdf');
    const result = runCli([
      'report',
      'simulations/dsi-25m-injection.json',
      '--out',
      out,
      '--trials',
      '500',
    ]);
    expect(result).toMatchObject({ status: 0 });
    const rendered = renderPdf(readFileSync(out));
    expect(rendered.pages.length).toBeGreaterThanOrEqual(3);
    expect(rendered.text).toContain('Forudsætninger og kilder');
    // Hand-computed: 25 mio. kr. buys six 4 mio. kr. partnerships in 2024.
    expect(rendered.text).toContain('24.000.000,00');
  });

  it('writes the HTML report of a contract template in Danish or English', () => {
    const da = path.join(dir, 'ips.html');
    const en = path.join(dir, 'ips-en.html');
    expect(runCli(['report', 'ips-holbaek-rate-card', '--out', da])).toMatchObject({ status: 0 });
    expect(runCli(['report', 'ips-holbaek-rate-card', '--out', en, '--lang', 'en'])).toMatchObject({
      status: 0,
    });
    expect(readFileSync(da, 'utf8')).toContain('Hovedtal pr. aktør');
    expect(readFileSync(en, 'utf8')).toContain('Headline figures by actor');
  });

  it('writes the workbook of a contract template and the CSV tables of a scenario', async () => {
    const xlsx = path.join(dir, 'ips.xlsx');
    expect(runCli(['report', 'ips-holbaek', '--out', xlsx])).toMatchObject({ status: 0 });
    const workbook = await readWorkbook(xlsx);
    expect(sheetRows(workbook.getWorksheet('Netto pr. aktør')!)).toHaveLength(1 + 6);

    const csvDir = path.join(dir, 'csv');
    const csv = runCli([
      'report',
      'simulations/ips-holbaek.json',
      '--out',
      csvDir,
      '--format',
      'csv',
      '--trials',
      '300',
    ]);
    expect(csv).toMatchObject({ status: 0 });
    const files = readdirSync(csvDir);
    expect(files).toEqual(
      expect.arrayContaining(['headline.csv', 'net.csv', 'assumptions.csv', 'trials.csv']),
    );
    // 300 trials and a header line.
    expect(readFileSync(path.join(csvDir, 'trials.csv'), 'utf8').trim().split('\n')).toHaveLength(
      301,
    );
  });

  it('reports a run saved in the database by its id', () => {
    const env = { DSI_DATABASE: path.join(dir, 'dsi.sqlite') };
    const saved = runCli(
      [
        'simulate',
        'simulations/dsi-25m-injection.json',
        '--trials',
        '300',
        '--save',
        '--format',
        'json',
        '--out',
        path.join(dir, 'run.json'),
      ],
      env,
    );
    expect(saved).toMatchObject({ status: 0 });
    const id = RUN_ID.exec(saved.stderr)?.[1] as string;
    const out = path.join(dir, 'run.html');
    expect(runCli(['report', id, '--out', out], env)).toMatchObject({ status: 0 });
    expect(readFileSync(out, 'utf8')).toContain(`<dt>Kørsels-id</dt><dd>${id}</dd>`);
  });

  it('rejects an output it cannot write, an unknown target and an unknown run with exit code 2', () => {
    const docx = runCli(['report', 'ips-holbaek', '--out', path.join(dir, 'x.docx')]);
    expect(docx.status).toBe(EXIT_BAD_INPUT);
    expect(docx.stderr).toMatch(/\.html, \.pdf or \.xlsx/);
    const unknown = runCli(['report', 'no-such-thing', '--out', path.join(dir, 'x.html')]);
    expect(unknown.status).toBe(EXIT_BAD_INPUT);
    expect(unknown.stderr).toContain('no-such-thing');
    const run = runCli(
      ['report', '00000000-0000-4000-8000-000000000000', '--out', path.join(dir, 'y.html')],
      {
        DSI_DATABASE: path.join(dir, 'empty.sqlite'),
      },
    );
    expect(run.status).toBe(EXIT_BAD_INPUT);
    expect(run.stderr).toContain('00000000-0000-4000-8000-000000000000');
    expect(existsSync(path.join(dir, 'y.html'))).toBe(false);
  });
});
