import request from 'supertest';
import type { App } from 'supertest/types';
import Decimal from 'decimal.js';
import { createApp, startTestApp, type TestApp, useTestApp } from './support/app';
import { runCli } from './support/cli';

const PSYCHIATRIC = 'vulnerable-no-acute-psychiatric-contact';
/** Social- og Boligstyrelsen (seed 000): 346,000 kr. per citizen, 4-year NPV, 2023 prices. */
const PUBLISHED_PSYCHIATRIC_NPV = 346_000;

type ActorAmounts = { kommune: string; region: string; stat: string; total: string };

function sumActors(amounts: ActorAmounts): string {
  return new Decimal(amounts.kommune).plus(amounts.region).plus(amounts.stat).toFixed(2);
}

describe('SØM over HTTP (real app, temporary SQLite file)', () => {
  const server = useTestApp();

  it('lists the seeded target groups with their success measures and sources', async () => {
    const res = await request(server()).get('/som/target-groups').expect(200);
    const ids = (res.body as { id: string }[]).map((g) => g.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'very-vulnerable-adults',
        'homeless-shelter-users',
        'sick-listed-mental-illness',
      ]),
    );
    const vulnerable = (res.body as any[]).find((g) => g.id === 'very-vulnerable-adults');
    expect(vulnerable.successMeasures.map((m: { id: string }) => m.id)).toContain(PSYCHIATRIC);
    expect(vulnerable.source).toEqual(expect.any(String));
  });

  it('values one psychiatric success at the published 4-year potential, split exactly by actor', async () => {
    const res = await request(server())
      .post('/som/valuations')
      .send({
        successMeasureId: PSYCHIATRIC,
        successes: [{ year: 2023, count: 1 }],
        horizonYears: 4,
        priceYear: 2023,
      })
      .expect(200);
    const npv = res.body.npv as ActorAmounts;
    expect(Math.abs(Number(npv.total) / PUBLISHED_PSYCHIATRIC_NPV - 1)).toBeLessThan(0.01);
    expect(sumActors(npv)).toBe(npv.total);
    expect(res.body.byYear.map((y: { year: number }) => y.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('answers 404 naming an unknown success measure', async () => {
    const res = await request(server())
      .post('/som/valuations')
      .send({ successMeasureId: 'no-such-measure', successes: [{ year: 2024, count: 1 }] })
      .expect(404);
    expect(res.body.message).toContain('no-such-measure');
    await request(server()).get('/som/success-measures/no-such-measure').expect(404);
  });

  it('answers 400 listing every violated field path', async () => {
    const res = await request(server())
      .post('/som/valuations')
      .send({
        successMeasureId: PSYCHIATRIC,
        successes: [{ year: 1200, count: -1 }],
        horizonYears: 99,
        excludedAreas: ['weather'],
        unexpected: true,
      })
      .expect(400);
    const paths = (res.body.violations as { path: string }[]).map((v) => v.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'successes.0.year',
        'successes.0.count',
        'horizonYears',
        'excludedAreas',
        'unexpected',
      ]),
    );
  });

  it('serves the OpenAPI documentation', async () => {
    await request(server()).get('/api/docs').expect(200);
  });
});

describe('dsi som (the CLI as a child process)', () => {
  it('lists the success measures', () => {
    const r = runCli(['som', 'list', '--format', 'json']);
    expect(r.status).toBe(0);
    const ids = (JSON.parse(r.stdout) as { successMeasureId: string }[]).map(
      (m) => m.successMeasureId,
    );
    expect(ids).toContain(PSYCHIATRIC);
  });

  it('values a published measure as JSON with the documented keys', () => {
    const r = runCli([
      'som',
      'value',
      PSYCHIATRIC,
      '--horizon',
      '4',
      '--price-year',
      '2023',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Math.abs(Number(json.npv.total) / PUBLISHED_PSYCHIATRIC_NPV - 1)).toBeLessThan(0.01);
    const npv = json.npv as ActorAmounts;
    expect(sumActors(npv)).toBe(npv.total);
    expect(json.byYear).toHaveLength(4);
    expect(json.byArea.length).toBeGreaterThan(0);
  });

  it('prints a Danish-formatted table by default', () => {
    const r = runCli(['som', 'value', PSYCHIATRIC, '--horizon', '4', '--price-year', '2023']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\d{1,3}\.\d{3} kr\./);
  });

  it('exits with code 2 and names a bad argument', () => {
    const r = runCli(['som', 'value', PSYCHIATRIC, '--horizon', 'forever']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--horizon');
  });

  it('exits with code 2 and names an unknown success measure', () => {
    const r = runCli(['som', 'value', 'no-such-measure']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-measure');
  });
});

describe('knowledge-base seeding', () => {
  it('is idempotent: starting twice on the same database file gives the same rows', async () => {
    const first = await startTestApp();
    const count = async (app: TestApp['app']) => {
      const res = await request(app.getHttpServer() as App)
        .get('/som/target-groups')
        .expect(200);
      const groups = res.body as { successMeasures: unknown[] }[];
      return [groups.length, groups.reduce((n, g) => n + g.successMeasures.length, 0)];
    };
    const before = await count(first.app);
    await first.app.close();
    const again = await createApp(first.databasePath);
    await again.init();
    expect(await count(again)).toEqual(before);
    await again.close();
    await first.close().catch(() => undefined);
  });
});
