import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { useTestApp } from './support/app';

/** The README's rate-card negotiation, judged by the exact projection (fast and seed-free). */
const CONDITIONS = JSON.parse(
  readFileSync(path.join(__dirname, '../docs/negotiation/ips-rate-card-conditions.json'), 'utf8'),
) as object;
const BASE = {
  scenarioFile: 'ips-holbaek-rate-card',
  lever: { name: 'pricePerOutcome', min: 200000, max: 500000 },
  conditions: CONDITIONS,
  method: 'deterministic',
};

describe('the agreement solver over HTTP (real app, temporary SQLite file)', () => {
  const server = useTestApp();

  it('answers a zone for one lever, taking optional fields sent as null as not given', async () => {
    const res = await request(server())
      .post('/negotiations/solve')
      .send({ ...BASE, lever2: null, gridPoints: null, tolerance: null })
      .expect(200);
    expect(res.body.result.kind).toBe('leverSolution');
    expect(res.body.result.method.gridPoints).toBe(21);
    expect(res.body.inputs.lever2).toBeNull();
  });

  it('answers a map for two levers on the requested grid', async () => {
    const res = await request(server())
      .post('/negotiations/solve')
      .send({ ...BASE, lever2: { name: 'statShare' }, gridPoints: 3 })
      .expect(200);
    expect(res.body.result.kind).toBe('leverMap');
    expect(res.body.result.axes[1]).toEqual([0, 0.5, 1]);
    expect(res.body.result.cells.flat()).toHaveLength(9);
  });

  it('answers 400 naming every violated field', async () => {
    const res = await request(server())
      .post('/negotiations/solve')
      .send({ ...BASE, lever: { name: 'discountRate' }, gridPoints: 1 })
      .expect(400);
    const paths = (res.body as { violations: { path: string }[] }).violations.map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['lever.name', 'gridPoints']));
  });
});
