import request from 'supertest';
import type { App } from 'supertest/types';
import { formatNumber, type FundResultView } from '../src/report';
import { useTestApp } from './support/app';
import { columnOf, isA4Portrait, readWorkbook, renderPdf, sheetRows } from './support/report-files';

/**
 * GET /simulations/:id/report.html, report.pdf and export.xlsx on the real app and a temporary
 * SQLite file: the report of a stored run shows the run's own numbers.
 */

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface StoredRunResponse {
  id: string;
  status: string;
  trials: number;
  result: FundResultView;
}

async function waitForRun(server: App, id: string, maxPolls = 600): Promise<StoredRunResponse> {
  for (let poll = 0; poll < maxPolls; poll++) {
    const res = await request(server).get(`/simulations/${id}`).expect(200);
    const body = res.body as StoredRunResponse;
    if (body.status !== 'queued' && body.status !== 'running') return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('reports of stored simulation runs over HTTP', () => {
  const server = useTestApp();
  let run: StoredRunResponse;

  beforeAll(async () => {
    const created = await request(server())
      .post('/simulations')
      .send({ scenarioFile: 'dsi-25m-injection', trials: 1000, seed: 'report' })
      .expect(202);
    run = await waitForRun(server(), (created.body as { id: string }).id);
  });

  it('serves the printable report of a finished run as self-contained HTML', async () => {
    expect(run.status).toBe('done');
    const res = await request(server()).get(`/simulations/${run.id}/report.html`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.text).toContain(formatNumber(run.result.expected.fundValueAtHorizon, 2, 'da'));
    expect(res.text).toContain(formatNumber(run.result.monteCarlo.fundValueAtHorizon.p95, 0, 'da'));
    expect(res.text).toContain(`<dt>Kørsels-id</dt><dd>${run.id}</dd>`);
    // Self-contained: no script, no stylesheet or image fetched from anywhere.
    expect(res.text).not.toMatch(/<script|<link |src="http|href="http/);
  });

  it('serves the report as an A4 PDF whose text carries the run’s numbers', async () => {
    const res = await request(server())
      .get(`/simulations/${run.id}/report.pdf`)
      .responseType('blob')
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const rendered = renderPdf(pdf);
    expect(rendered.pages.every(isA4Portrait)).toBe(true);
    expect(rendered.text).toContain(formatNumber(run.result.expected.totalInvested, 2, 'da'));
  });

  it('serves the workbook of a run with the yearly tables of its result', async () => {
    const res = await request(server())
      .get(`/simulations/${run.id}/export.xlsx`)
      .responseType('blob')
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = await readWorkbook(res.body as Buffer);
    const rows = sheetRows(workbook.getWorksheet('Fondens regnskab')!);
    run.result.expected.byYear.forEach((year, y) => {
      expect(rows[y + 1][columnOf(rows[0], 'Fondens værdi')]).toBe(Number(year.fundValue));
      expect(rows[y + 1][columnOf(rows[0], 'Kontanter ultimo')]).toBe(Number(year.cash));
    });
    expect(sheetRows(workbook.getWorksheet('Forsøg')!)).toHaveLength(1 + run.trials);
  });

  it('speaks English with ?lang=en and refuses a language it does not have', async () => {
    const english = await request(server())
      .get(`/simulations/${run.id}/report.html?lang=en`)
      .expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Headline figures by actor');
    const bad = await request(server())
      .get(`/simulations/${run.id}/report.html?lang=fr`)
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('lang');
  });

  it('answers 404 for an unknown run', async () => {
    const res = await request(server()).get(`/simulations/${UNKNOWN_ID}/report.pdf`).expect(404);
    expect(JSON.stringify(res.body)).toContain(UNKNOWN_ID);
    await request(server()).get(`/simulations/${UNKNOWN_ID}/export.xlsx`).expect(404);
  });

  it('answers 409 for a run that has not finished', async () => {
    const long = await request(server())
      .post('/simulations')
      .send({ scenarioFile: 'ips-holbaek', trials: 2_000_000, seed: 'long' })
      .expect(202);
    const res = await request(server()).get(`/simulations/${long.body.id}/report.html`).expect(409);
    expect(JSON.stringify(res.body)).toMatch(/queued|running/);
    await request(server()).delete(`/simulations/${long.body.id}`).expect(200);
  });

  it('serves the projection report of a stored contract', async () => {
    const created = await request(server())
      .post('/contracts')
      .send({ templateId: 'ips-holbaek-rate-card' })
      .expect(201);
    const { id } = created.body as { id: string };
    const projection = await request(server()).get(`/contracts/${id}/projection`).expect(200);
    const net = (projection.body as { net: Record<string, string> }).net;
    const res = await request(server()).get(`/contracts/${id}/report.html?revision=1`).expect(200);
    expect(res.text).toContain(formatNumber(net.kommune, 2, 'da'));
    expect(res.text).toContain('Kontraktfremskrivning');
    await request(server()).get(`/contracts/${id}/report.html?revision=0`).expect(400);
    await request(server()).get(`/contracts/${UNKNOWN_ID}/report.html`).expect(404);
  });
});
