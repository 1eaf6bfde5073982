import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { loadContractTemplate } from '../../data/contracts';
import { loadKnowledgeBase } from '../../data/knowledge';
import type { Contract } from '../contract';
import { InvalidInputError } from '../shared/errors';
import { gainProfile } from '../som';
import type { KnowledgeBase } from '../som/types';
import { contractSimulationToJson, type ContractSimulationJson } from './contract-result-json';
import {
  FULL_RECORD_TRIALS,
  FAN_CHART_TRIALS,
  simulateContract,
  type ContractSimulationInput,
  type ContractSimulationResult,
  type SimulationSettings,
} from './contract-simulation';
import { MONTE_CARLO_ACTORS } from './contract-trial';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

function templateInput(id: string, extra: Partial<ContractSimulationInput> = {}) {
  const contract: Contract = loadContractTemplate(id);
  const gains = gainProfile(kb, contract.intervention.successMeasureId, {
    priceYear: contract.priceYear,
    years: contract.horizonYears,
  });
  return { contract, gains, sensitivity: false as const, ...extra };
}

/** The JSON without meta.timings, the only part allowed to differ between runs. */
function withoutTimings(json: ContractSimulationJson): string {
  return JSON.stringify({ ...json, meta: { ...json.meta, timings: undefined } });
}

/**
 * The projection rounds every year to øre (half-even), so its cumulative net can differ from
 * the exact sum by up to half an øre per year: 0.005 kr. × 20 years at most, plus float noise.
 */
const ROUNDING_TOLERANCE = 0.11;

/** Yearly cumulative nets: Monte Carlo mean against the projection, with inputs in the message. */
function compareYearly(result: ContractSimulationResult, standardErrors: number) {
  const mismatches: string[] = [];
  for (const actor of MONTE_CARLO_ACTORS) {
    const bands = result.monteCarlo.fanChart.byActor[actor];
    if (bands === null) continue;
    bands.forEach((band, y) => {
      const expected = result.expected.byYear[y].cumulativeNet[actor].toNumber();
      const tolerance = standardErrors * band.standardError + ROUNDING_TOLERANCE;
      if (!(Math.abs(band.mean - expected) <= tolerance)) {
        mismatches.push(
          `${actor} year ${y + 1}: mean ${band.mean}, projection ${expected}, sem ${band.standardError}`,
        );
      }
    });
  }
  return mismatches;
}

describe('simulateContract against the deterministic projection', () => {
  it('gives, for ips-holbaek without parameter uncertainty, yearly means within 3 standard errors of the projection', async () => {
    // Every output of this contract is linear in the drawn counts (the kommune pays as spent,
    // SØM gains per additional success), so the expectation is exactly the projection.
    const input = templateInput('ips-holbaek');
    const result = await simulateContract(input, { trials: 20_000, seed: 'ips-zero-uncertainty' });
    expect(compareYearly(result, 3)).toEqual([]);
    const mc = result.monteCarlo.outputs;
    const additional = result.expected.outcomes.additionalSuccesses.toNumber(); // 180 × 0.9 × 0.16 = 25.92
    expect(additional).toBe(25.92);
    expect(Math.abs(mc.additionalSuccesses.mean - additional)).toBeLessThan(
      3 * mc.additionalSuccesses.standardError,
    );
    expect(mc.netAtHorizon.investor).toBeNull();
  });

  it('gives, for ips-holbaek-rate-card, SØM gains within 3 standard errors, and the investors less than the projection because their upside is capped', async () => {
    const input = templateInput('ips-holbaek-rate-card');
    const result = await simulateContract(input, { trials: 8000, seed: 'rate-card-zero' });
    const mc = result.monteCarlo.outputs;
    for (const level of ['kommune', 'stat'] as const) {
      const expected = result.expected.somGains[level].toNumber();
      const summary = mc.somGains[level];
      const within = Math.abs(summary.mean - expected) < 3 * summary.standardError;
      expect({ level, mean: summary.mean, expected, sem: summary.standardError, within }).toEqual({
        level,
        mean: summary.mean,
        expected,
        sem: summary.standardError,
        within: true,
      });
    }
    // Outcome payments are not paid beyond what the investors are owed ('notPaid') and are
    // capped in total, so a trial above the expected successes gains the investors nothing
    // while one below loses them money: E[receipts] < receipts at the expected outcomes.
    const expectedInvestor = result.expected.net.investor.toNumber(); // 1,000,500.00
    const investor = mc.netAtHorizon.investor!;
    expect(investor.mean + 3 * investor.standardError).toBeLessThan(expectedInvestor);
  });

  it.each(['ips-holbaek', 'ips-holbaek-rate-card'])(
    'gives, for %s without any randomness (expected counts, fixed rates), the projection in every trial',
    async (id) => {
      const input = templateInput(id, { uncertainty: { cohortSampling: false } });
      const result = await simulateContract(input, { trials: 2048, seed: 1 });
      // All trials are equal, so every standard error is 0 and the mean is the trial itself.
      expect(compareYearly(result, 0)).toEqual([]);
      for (const actor of MONTE_CARLO_ACTORS) {
        const bands = result.monteCarlo.fanChart.byActor[actor];
        bands?.forEach((band) => expect(band.p95 - band.p5).toBeLessThan(1e-6));
      }
      const irr = result.monteCarlo.outputs.investorIrr;
      if (irr) expect(irr.mean).toBeCloseTo(result.expected.investor!.irr!, 6);
    },
  );
});

describe('simulateContract results', () => {
  const uncertainty = {
    grossSuccessRate: { interval90: [0.32, 0.48] as [number, number] },
    deadweightRate: { interval90: [0.19, 0.29] as [number, number] },
    somGains: { coefficientOfVariation: 0.15 },
  };

  it('are byte-identical JSON (timings aside) for the same seed, however the blocks are batched', async () => {
    const input = templateInput('ips-holbaek-rate-card', {
      uncertainty,
      investorTargetReturn: 0.05,
      sensitivity: { variation: 0.2 },
    });
    const settings: SimulationSettings = { trials: 3 * 1024 + 17, seed: 'same' };
    const reference = withoutTimings(
      contractSimulationToJson(await simulateContract(input, settings)),
    );
    for (const blocksPerBatch of [1, 2]) {
      const again = await simulateContract(input, { ...settings, blocksPerBatch });
      expect(withoutTimings(contractSimulationToJson(again))).toBe(reference);
    }
    const otherSeed = await simulateContract(input, { ...settings, seed: 'other' });
    expect(withoutTimings(contractSimulationToJson(otherSeed))).not.toBe(reference);
  });

  it('report the probabilities of a loss, of reaching the target and of a negative net as shares of trials', async () => {
    const input = templateInput('ips-holbaek-rate-card', {
      uncertainty,
      investorTargetReturn: 0.05,
    });
    const result = await simulateContract(input, { trials: 4000, seed: 'probabilities' });
    const p = result.monteCarlo.probabilities;
    // Investors that get their principal plus the 5% interest (the cap) reach a 5% target and do
    // not lose; so P(loss) + P(target) ≤ 1, both strictly between 0 and 1 for this contract.
    expect(p.investorLoss).toBeGreaterThan(0);
    expect(p.investorReachesTarget).toBeGreaterThan(0);
    expect(p.investorLoss! + p.investorReachesTarget!).toBeLessThanOrEqual(1);
    // The break-even shares of each actor sum to 1 with "never", which is P(net < 0).
    const kommune = result.monteCarlo.breakEven.kommune!;
    const total = kommune.byYear.reduce((sum, share) => sum + share, kommune.never);
    expect(total).toBeCloseTo(1, 12);
    expect(kommune.never).toBeCloseTo(p.netNegativeAtHorizon.kommune, 12);
    expect(result.monteCarlo.breakEven.investor).not.toBeNull();
  });

  it('take fan charts from the first trials, and record large runs in float32', async () => {
    // With the limits lowered (fan charts from the first 2048 trials, float32 above 4096), the
    // fan chart of a longer run is the fan chart of a 2048-trial run (same streams, so the same
    // trials): exactly in float64, and up to float32 storage (7 significant digits, a few kroner
    // on millions) above the float64 limit. The other outputs use every trial.
    const input = templateInput('ips-holbaek');
    const recordLimits = { fullRecordTrials: 4096, fanChartTrials: 2048 };
    const small = await simulateContract(input, { trials: 2048, seed: 9 });
    const medium = await simulateContract(input, { trials: 3000, seed: 9, recordLimits });
    const large = await simulateContract(input, { trials: 5000, seed: 9, recordLimits });
    expect(small.monteCarlo.fanChart.trials).toBe(2048);
    expect(medium.monteCarlo.fanChart).toEqual(small.monteCarlo.fanChart);
    expect(medium.monteCarlo.outputs.netAtHorizon.kommune!.count).toBe(3000);
    expect(medium.monteCarlo.outputs).not.toEqual(small.monteCarlo.outputs);
    expect(large.monteCarlo.fanChart.trials).toBe(2048);
    const bands = large.monteCarlo.fanChart.byActor.kommune!;
    small.monteCarlo.fanChart.byActor.kommune!.forEach((band, y) => {
      const tolerance = Math.abs(band.p50) * 1e-6 + 1;
      expect(Math.abs(bands[y].p50 - band.p50)).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(bands[y].mean - band.mean)).toBeLessThanOrEqual(tolerance);
    });
    expect(large.monteCarlo.outputs.netAtHorizon.kommune!.count).toBe(5000);
    // By default: float32 above 131,072 trials, fan charts from the first 65,536.
    expect([FULL_RECORD_TRIALS, FAN_CHART_TRIALS]).toEqual([131_072, 65_536]);
  });

  it('refuse bad settings and uncertainties, naming each field', async () => {
    const input = templateInput('ips-holbaek', {
      uncertainty: { grossSuccessRate: { interval90: [0.5, 0.6] }, relapseRate: 2 },
      investorTargetReturn: -3,
    });
    const run = simulateContract(input, { trials: 0, seed: 1 });
    await expect(run).rejects.toBeInstanceOf(InvalidInputError);
    await expect(run).rejects.toMatchObject({
      violations: [
        { path: 'trials' },
        { path: 'uncertainty.relapseRate' },
        { path: 'investorTargetReturn' },
      ],
    });
    // The interval [0.5, 0.6] does not contain the contract's 40%: reported once the rest is valid.
    const badInterval = simulateContract(
      templateInput('ips-holbaek', {
        uncertainty: { grossSuccessRate: { interval90: [0.5, 0.6] } },
      }),
      { trials: 10, seed: 1 },
    );
    await expect(badInterval).rejects.toMatchObject({
      violations: [{ path: 'uncertainty.grossSuccessRate' }],
    });
  });
});

describe('contractSimulationToJson', () => {
  it('writes the sections in a fixed order, nulls where a value does not exist, and no NaN', async () => {
    const input = templateInput('ips-holbaek', { sensitivity: { variation: 0.2 } });
    const json = contractSimulationToJson(
      await simulateContract(input, { trials: 1500, seed: 'json', version: '0.1.0' }),
    );
    expect(Object.keys(json)).toEqual(['inputs', 'expected', 'monteCarlo', 'sensitivity', 'meta']);
    expect(Object.keys(json.meta)).toEqual(['seed', 'trials', 'version', 'timings']);
    expect(json.meta.version).toBe('0.1.0');
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/NaN|Infinity/);
    const mc = json.monteCarlo as Record<string, any>;
    expect(mc.quantileDefinition).toBe('type 7 (linear interpolation, as R and numpy default)');
    expect(mc.outputs.investorIrr).toBeNull();
    expect(mc.probabilities.investorLoss).toBeNull();
    expect(mc.fanChart.cumulativeNet.kommune).toHaveLength(6);
    expect(Object.keys(mc.outputs.netAtHorizon.kommune as object)).toEqual([
      'count',
      'missing',
      'mean',
      'sd',
      'sem',
      'min',
      'p5',
      'p25',
      'p50',
      'p75',
      'p95',
      'max',
      'histogram',
    ]);
    // No rate-card or baseline price in this contract: the price sweep is skipped, with a reason.
    const sensitivity = json.sensitivity as Record<string, any>;
    expect(sensitivity.skipped).toEqual([
      { parameter: 'pricePerOutcome', reason: expect.stringMatching(/no rate-card/) as string },
    ]);
  });
});

/**
 * Worker threads load compiled JavaScript, which ts-jest does not produce: this transpiles the
 * engine folder (type-free, as `nest build` emits it) into node_modules/.cache, where Node still
 * resolves decimal.js, piscina and seedrandom, and points the runs at that copy.
 */
function transpileEngine(): string {
  const engine = join(__dirname, '..');
  const target = join(engine, '..', '..', 'node_modules', '.cache', 'dsi-contract-worker-test');
  const out = join(target, String(process.pid), 'engine');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (
        name.endsWith('.ts') &&
        !name.endsWith('.spec.ts') &&
        !name.endsWith('.fixture.ts')
      ) {
        const output = ts.transpileModule(readFileSync(file, 'utf8'), {
          compilerOptions: {
            module: ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2022,
            esModuleInterop: true,
          },
        });
        const destination = join(out, relative(engine, file)).replace(/\.ts$/, '.js');
        mkdirSync(join(destination, '..'), { recursive: true });
        writeFileSync(destination, output.outputText);
      }
    }
  };
  walk(engine);
  return join(target, String(process.pid));
}

describe('simulateContract in worker threads', () => {
  let compiled: string;
  beforeAll(() => {
    compiled = transpileEngine();
  });
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));

  it('gives the same JSON with 2 workers as in this thread', async () => {
    const input = templateInput('ips-holbaek', {
      uncertainty: { somGains: { coefficientOfVariation: 0.2 } },
      sensitivity: { variation: 0.2 },
    });
    // Lowered record limits: float32 values, and fan charts from the first 2 of 6 blocks, so the
    // threads also run batches that record no fan-chart values.
    const settings: SimulationSettings = {
      trials: 5 * 1024 + 3,
      seed: 'threads',
      recordLimits: { fullRecordTrials: 4096, fanChartTrials: 2048 },
    };
    const inProcess = await simulateContract(input, settings);
    const threaded = await simulateContract(input, {
      ...settings,
      workers: 2,
      threadsPayOffMs: 0,
      workerFile: join(compiled, 'engine', 'simulation', 'worker.js'),
      taskModulePath: join(compiled, 'engine', 'simulation', 'contract-task.js'),
    });
    expect(threaded.meta.timings.workersUsed).toBe(2);
    expect(withoutTimings(contractSimulationToJson(threaded))).toBe(
      withoutTimings(contractSimulationToJson(inProcess)),
    );
  });
});
