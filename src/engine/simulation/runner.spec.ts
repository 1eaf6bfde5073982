import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { allocateColumns } from './block-task';
import { COHORT_COUNTS_TASK } from './cohort-block';
import type { CohortDrawSpec } from './cohort';
import { TRIALS_PER_BLOCK } from './rng';
import { runTrials, SimulationCancelledError, type RunTrialsResult } from './runner';

const SPEC: CohortDrawSpec = {
  horizonYears: 6,
  participantsByYear: [60, 60, 60],
  grossSuccessRate: { mean: 0.4, interval90: [0.3, 0.5] },
  deadweightRate: { mean: 0.24, effectiveSampleSize: 200 },
  dropoutRate: { mean: 0.1 },
  dropoutTiming: [0.6, 0.4],
  successLag: [0.3, 0.5, 0.2],
  relapseRate: 0.1,
  somGainUncertainty: { coefficientOfVariation: 0.2 },
};

/** 5 full blocks and a partial sixth. */
const TRIALS = 5 * TRIALS_PER_BLOCK + 300;
const SEED = 2024;

function run(options: Partial<Parameters<typeof runTrials<CohortDrawSpec>>[0]> = {}) {
  return runTrials({
    task: COHORT_COUNTS_TASK.name,
    params: SPEC,
    trials: TRIALS,
    seed: SEED,
    ...options,
  });
}

/**
 * A digest of the columns' bytes in layout order: equal digests mean byte-identical results
 * (and so byte-identical JSON downstream). Digests keep the comparison and its message short.
 */
function digestOf(result: RunTrialsResult): string {
  const hash = createHash('sha256');
  for (const column of result.layout)
    hash.update(new Uint8Array(result.columns[column.name].buffer));
  return hash.digest('hex');
}

describe('running trials in this thread', () => {
  it('gives identical columns for any batch size', async () => {
    const reference = digestOf(await run({ blocksPerBatch: 1 }));
    expect(digestOf(await run({ blocksPerBatch: 2 }))).toEqual(reference);
    expect(digestOf(await run({ blocksPerBatch: 100 }))).toEqual(reference);
  });

  it('gives a run of more trials the same first trials (each block has its own stream)', async () => {
    const shorter = await run({ trials: TRIALS_PER_BLOCK + 10 });
    const longer = await run();
    const width = SPEC.horizonYears;
    const prefix = shorter.trials * width;
    expect(longer.columns.additionalSuccesses.subarray(0, prefix)).toEqual(
      shorter.columns.additionalSuccesses,
    );
  });

  it('lays out one value per trial for parameters and one per year for yearly counts', async () => {
    const result = await run();
    expect(result.columns.grossSuccessRate).toHaveLength(TRIALS);
    expect(result.columns.additionalSuccesses).toHaveLength(TRIALS * 6);
    expect(result.blocks).toBe(6);
    // Every trial started 180 people over the first three years.
    const started = result.columns.started;
    for (let trial = 0; trial < TRIALS; trial++) {
      expect(started[trial * 6] + started[trial * 6 + 1] + started[trial * 6 + 2]).toBe(180);
    }
  });

  it('reports progress in increasing steps that end at the number of trials', async () => {
    const reported: number[] = [];
    await run({ blocksPerBatch: 2, onProgress: ({ trialsDone }) => reported.push(trialsDone) });
    // Batches of 2 blocks: 2048, 4096, then the last block and a partial one (TRIALS).
    expect(reported).toEqual([2048, 4096, TRIALS]);
  });

  it('stops with SimulationCancelledError when aborted mid-run', async () => {
    const controller = new AbortController();
    const reported: number[] = [];
    const running = run({
      blocksPerBatch: 1,
      signal: controller.signal,
      onProgress: ({ trialsDone }) => {
        reported.push(trialsDone);
        controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(SimulationCancelledError);
    expect(reported).toEqual([TRIALS_PER_BLOCK]);
  });

  it('records a limited column for its first trials only, and refuses a limit inside a block', () => {
    const fan = { name: 'fan', width: 2, trialLimit: 2 * TRIALS_PER_BLOCK };
    expect(allocateColumns([fan], 5 * TRIALS_PER_BLOCK + 7).fan).toHaveLength(4 * TRIALS_PER_BLOCK);
    // A limit at or above the run's trials records them all, whole blocks or not.
    expect(allocateColumns([fan], 900).fan).toHaveLength(1800);
    expect(() => allocateColumns([{ ...fan, trialLimit: 1000 }], 5000)).toThrow(/inside a block/);
  });

  it('refuses an unknown task and a bad number of trials, saying what is wrong', async () => {
    await expect(run({ task: 'fundSimulation' })).rejects.toThrow(
      /no block task named "fundSimulation" is registered \(registered: .*cohortCounts/,
    );
    await expect(run({ trials: 0 })).rejects.toThrow(/trials must be a positive integer, got 0/);
  });

  it('runs in-process when asked for threads from TypeScript sources, and says so', async () => {
    const result = await run({ workers: 2 });
    expect(result.workersUsed).toBe(1);
    expect(result.fallbackReason).toMatch(/compiled JavaScript/);
  });
});

/**
 * Worker threads load compiled JavaScript, which ts-jest does not produce. The thread tests
 * transpile this folder and the engine's shared helpers it imports (type-free, as `nest build`
 * would emit them, in the same layout) into node_modules/.cache, where Node still resolves
 * piscina and seedrandom, and point the runner at that copy of this folder.
 */
function transpileSimulationFolder(): string {
  const target = join(
    __dirname,
    '..',
    '..',
    '..',
    'node_modules',
    '.cache',
    'dsi-simulation-worker-test',
    String(process.pid),
  );
  for (const folder of ['simulation', 'shared']) {
    const source = join(__dirname, '..', folder);
    mkdirSync(join(target, folder), { recursive: true });
    for (const file of readdirSync(source)) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const output = ts.transpileModule(readFileSync(join(source, file), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      });
      writeFileSync(join(target, folder, file.replace(/\.ts$/, '.js')), output.outputText);
    }
  }
  return join(target, 'simulation');
}

describe('running trials in worker threads', () => {
  let compiled: string;
  let threaded: (
    options: Partial<Parameters<typeof runTrials<CohortDrawSpec>>[0]>,
  ) => Promise<RunTrialsResult>;

  beforeAll(() => {
    compiled = transpileSimulationFolder();
    threaded = (options) =>
      run({
        workerFile: join(compiled, 'worker.js'),
        taskModulePath: join(compiled, 'cohort-block.js'),
        ...options,
      });
  });

  // The copy's folder holds this folder and the shared helpers.
  afterAll(() => rmSync(dirname(compiled), { recursive: true, force: true }));

  it('gives byte-identical columns with 1 or 2 workers and any batch size', async () => {
    const inProcess = digestOf(await run({ workers: 1 }));
    const twoWorkers = await threaded({ workers: 2, threadsPayOffMs: 0 });
    expect(twoWorkers.workersUsed).toBe(2);
    expect(digestOf(twoWorkers)).toEqual(inProcess);
    expect(digestOf(await threaded({ workers: 2, blocksPerBatch: 1 }))).toEqual(inProcess);
    expect(digestOf(await threaded({ workers: 2, blocksPerBatch: 4 }))).toEqual(inProcess);
  });

  it('starts no worker thread for a run this thread finishes sooner alone, with the same columns', async () => {
    // Six blocks take a few milliseconds here, far less than a thread needs to start.
    const alone = await threaded({ workers: 2 });
    expect(alone.workersUsed).toBe(1);
    expect(digestOf(alone)).toEqual(digestOf(await run({ workers: 1 })));
  });

  it('lets this thread and a worker share a run that pays off, with the same columns', async () => {
    // 200 blocks and a pay-off of 1 ms: the worker starts after this thread's first batches.
    const trials = 200 * TRIALS_PER_BLOCK;
    const shared = await threaded({ workers: 2, trials, threadsPayOffMs: 1 });
    expect(shared.workersUsed).toBe(2);
    expect(digestOf(shared)).toEqual(digestOf(await run({ workers: 1, trials })));
  });

  it('reports progress per batch up to the number of trials', async () => {
    const reported: number[] = [];
    await threaded({
      workers: 2,
      blocksPerBatch: 2,
      onProgress: ({ trialsDone }) => reported.push(trialsDone),
    });
    expect(reported).toHaveLength(3);
    expect(reported[2]).toBe(TRIALS);
  });

  it('stops its threads with SimulationCancelledError when aborted', async () => {
    const controller = new AbortController();
    const running = threaded({
      workers: 2,
      blocksPerBatch: 1,
      trials: 200 * TRIALS_PER_BLOCK,
      signal: controller.signal,
    });
    setImmediate(() => controller.abort());
    await expect(running).rejects.toBeInstanceOf(SimulationCancelledError);
  });
});
