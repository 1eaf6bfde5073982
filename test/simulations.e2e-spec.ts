import request from 'supertest';
import type { App } from 'supertest/types';
import { createApp, startTestApp, useTestApp } from './support/app';

/** Polls GET /simulations/:id until the run leaves queued/running (bounded, never forever). */
async function waitForRun(server: App, id: string, maxPolls = 600): Promise<any> {
  for (let poll = 0; poll < maxPolls; poll++) {
    const res = await request(server).get(`/simulations/${id}`).expect(200);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

describe('simulation runs over HTTP (real app, temporary SQLite file)', () => {
  const server = useTestApp();

  it('queues a contract scenario, runs it in the background and stores the results', async () => {
    const created = await request(server())
      .post('/simulations')
      .send({ scenarioFile: 'ips-holbaek-rate-card', trials: 2000, seed: 'e2e' })
      .expect(202);
    expect(created.body.status).toBe('queued');
    const run = await waitForRun(server(), created.body.id);
    expect(run.status).toBe('done');
    expect(run.progress).toBe(1);
    expect(run.seed).toBe('e2e');
    expect(run.trials).toBe(2000);
    expect(run.softwareVersion).toEqual(expect.any(String));
    expect(Object.keys(run.result)).toEqual(
      expect.arrayContaining(['inputs', 'expected', 'monteCarlo', 'meta']),
    );
    expect(run.result.meta.trials).toBe(2000);
    expect(run.result.expected.investor.multiple).toEqual(expect.any(Number));
  });

  it('gives the same results for the same inputs and seed', async () => {
    const body = { scenarioFile: 'ips-holbaek', trials: 1000, seed: 'same' };
    const a = await request(server()).post('/simulations').send(body).expect(202);
    const b = await request(server()).post('/simulations').send(body).expect(202);
    const [runA, runB] = [
      await waitForRun(server(), a.body.id),
      await waitForRun(server(), b.body.id),
    ];
    delete runA.result.meta.timings;
    delete runB.result.meta.timings;
    expect(JSON.stringify(runA.result)).toBe(JSON.stringify(runB.result));
  });

  it('runs a fund scenario as a job with bands of the headline figures', async () => {
    const created = await request(server())
      .post('/simulations')
      .send({ scenarioFile: 'dsi-25m-injection', trials: 500, seed: 7 })
      .expect(202);
    const run = await waitForRun(server(), created.body.id);
    expect(run.status).toBe('done');
    expect(run.kind).toBe('fund');
    expect(run.result.expected.totalInvested).toEqual(expect.any(String));
    for (const key of ['totalInvested', 'peopleHelped', 'peopleEmployed', 'partnerships']) {
      expect(run.result.monteCarlo[key].p5).toBeLessThanOrEqual(run.result.monteCarlo[key].p95);
    }
    expect(run.result.monteCarlo.byYear).toHaveLength(6);
  });

  it('cancels a queued run and a running one', async () => {
    // The rate-card contract is the slowest per trial, so the run is still going when cancelled.
    const long = { scenarioFile: 'ips-holbaek-rate-card', trials: 2_000_000, seed: 'long' };
    const running = await request(server()).post('/simulations').send(long).expect(202);
    const queued = await request(server()).post('/simulations').send(long).expect(202);
    const cancelledQueued = await request(server())
      .delete(`/simulations/${queued.body.id}`)
      .expect(200);
    expect(cancelledQueued.body.status).toBe('cancelled');
    // Wait until the first run is inside its trials (progress reported), then cancel it.
    for (let poll = 0; poll < 600; poll++) {
      const res = await request(server()).get(`/simulations/${running.body.id}`).expect(200);
      if (res.body.status === 'running' && res.body.progress > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const cancelledRunning = await request(server())
      .delete(`/simulations/${running.body.id}`)
      .expect(200);
    expect(cancelledRunning.body.status).toBe('cancelled');
    expect(cancelledRunning.body.result).toBeNull();
    // The cancelled run never gets results later, and cannot be cancelled again.
    const after = await waitForRun(server(), running.body.id);
    expect(after.status).toBe('cancelled');
    expect(after.result).toBeNull();
    await request(server()).delete(`/simulations/${running.body.id}`).expect(409);
  });

  it('answers 400 with every JSON path of an invalid inline scenario', async () => {
    const res = await request(server())
      .post('/simulations')
      .send({
        scenario: {
          name: 'broken',
          contract: 'ips-holbaek',
          overrides: { intervention: { dropoutRate: 1.5, deadweightRate: -0.2 } },
        },
      })
      .expect(400);
    const paths = (res.body.violations as { path: string }[]).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/overrides/intervention/dropoutRate',
        '/overrides/intervention/deadweightRate',
      ]),
    );
  });

  it('answers 400 listing every violated field of the request', async () => {
    const res = await request(server())
      .post('/simulations')
      .send({ scenarioFile: '../etc/passwd', trials: -5, workers: 99, colour: 'red' })
      .expect(400);
    const paths = (res.body.violations as { path: string }[]).map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['scenarioFile', 'trials', 'workers', 'colour']));
  });

  it('answers 404 naming an unknown run or scenario file', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await request(server()).get(`/simulations/${missing}`).expect(404);
    expect(res.body.message).toContain(missing);
    await request(server()).delete(`/simulations/${missing}`).expect(404);
    const file = await request(server())
      .post('/simulations')
      .send({ scenarioFile: 'no-such-scenario' })
      .expect(404);
    expect(file.body.message).toContain('no-such-scenario');
  });

  it('projects a fund scenario synchronously', async () => {
    const res = await request(server())
      .post('/funds/projections')
      .send({ scenarioFile: 'dsi-25m-injection' })
      .expect(200);
    expect(res.body.expected.partnerships).toBeGreaterThan(0);
    expect(res.body.expected.byYear.map((y: { year: number }) => y.year)).toEqual([
      2024, 2025, 2026, 2027, 2028, 2029,
    ]);
    await request(server())
      .post('/funds/projections')
      .send({ scenarioFile: 'ips-holbaek' })
      .expect(400);
  });
});

describe('a run interrupted by a crash', () => {
  it('is marked interrupted at the next start, with no half-written results', async () => {
    const first = await startTestApp();
    const server = first.app.getHttpServer() as App;
    const created = await request(server)
      .post('/simulations')
      .send({ scenarioFile: 'ips-holbaek', trials: 2_000_000, seed: 'crash' })
      .expect(202);
    // Simulate a crash: mark the row as running behind the service's back, then reopen the file.
    await first.app.close();
    const { DataSource } = await import('typeorm');
    const ds = new DataSource({ type: 'sqlite', database: first.databasePath });
    await ds.initialize();
    await ds.query(`UPDATE simulation_run SET status = 'running', result = NULL WHERE id = ?`, [
      created.body.id,
    ]);
    await ds.destroy();
    const second = await createApp(first.databasePath);
    await second.init();
    const res = await request(second.getHttpServer() as App)
      .get(`/simulations/${created.body.id}`)
      .expect(200);
    expect(res.body.status).toBe('interrupted');
    expect(res.body.result).toBeNull();
    await second.close();
    await first.close().catch(() => undefined);
  });
});
