import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from './support/cli';

/** `dsi solve` as a child process: the README's rate-card negotiation, a map, and bad conditions. */
const SCENARIO = 'simulations/ips-holbaek-rate-card.json';
const CONDITIONS = 'docs/negotiation/ips-rate-card-conditions.json';
const PRICE_RANGE = ['--lever', 'pricePerOutcome', '--min', '200000', '--max', '500000'];

interface ZoneEnd {
  value: string;
  binding: string[];
}

describe('dsi solve (the CLI as a child process)', () => {
  it('finds the zone of agreement for a price, the same for the same seed', () => {
    const args = ['solve', SCENARIO, ...PRICE_RANGE, '--conditions', CONDITIONS];
    const run = () => runCli([...args, '--trials', '400', '--format', 'json']);
    const first = run();
    expect(first.status).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json.kind).toBe('leverSolution');
    expect(json.method).toMatchObject({
      kind: 'monteCarlo',
      trials: 400,
      commonRandomNumbers: true,
    });
    expect(json.feasible).toBe(true);
    const [zone] = json.zones as { from: ZoneEnd; to: ZoneEnd }[];
    expect(Number(zone.from.value)).toBeLessThan(Number(zone.to.value));
    // Each end names the party whose condition stops the zone there.
    expect([...zone.from.binding, ...zone.to.binding].length).toBeGreaterThan(0);
    expect(run().stdout).toBe(first.stdout);
  });

  it('maps two levers on a grid, judged by the exact projection', () => {
    const r = runCli([
      'solve',
      SCENARIO,
      ...PRICE_RANGE,
      '--lever2',
      'statShare',
      '--grid',
      '3',
      '--deterministic',
      '--conditions',
      CONDITIONS,
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe('leverMap');
    expect(json.method.kind).toBe('deterministic');
    expect(json.axes).toEqual([
      ['200000.00', '350000.00', '500000.00'],
      [0, 0.5, 1],
    ]);
    expect(json.cells.flat()).toHaveLength(9);
  });

  it('exits with code 2 naming the conditions file and the JSON path of a bad condition', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dsi-solve-'));
    try {
      const conditions = path.join(dir, 'conditions.json');
      writeFileSync(conditions, JSON.stringify({ investor: { minExpectedIrr: 'high' } }));
      const r = runCli([
        'solve',
        SCENARIO,
        ...PRICE_RANGE,
        '--deterministic',
        '--conditions',
        conditions,
      ]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(conditions);
      expect(r.stderr).toContain('/investor/minExpectedIrr');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a fund scenario with exit code 2, saying solve needs a contract', () => {
    const r = runCli([
      'solve',
      'simulations/dsi-25m-injection.json',
      ...PRICE_RANGE,
      '--deterministic',
      '--conditions',
      CONDITIONS,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('simulations/dsi-25m-injection.json is a fund scenario');
  });
});
