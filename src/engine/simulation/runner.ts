import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import type { Piscina } from 'piscina';
import {
  allocateColumns,
  getBlockTask,
  runBlocks,
  type BlockColumns,
  type OutputColumn,
} from './block-task';
import { blockCount, TRIALS_PER_BLOCK, type SimulationSeed } from './rng';
import type { WorkerBatchMessage, WorkerBatchResult } from './worker';

/**
 * Runs N trials of a registered block task, split into fixed blocks (TRIALS_PER_BLOCK), in
 * this thread or across worker threads (piscina), and merges the columns in trial order.
 * Blocks draw from streams keyed by (seed, blockIndex) only, so the merged columns are
 * identical for any number of workers and any batch size.
 *
 * Worker threads load `worker.js` beside this file, i.e. compiled JavaScript in dist/. When the
 * runner itself runs from TypeScript sources (ts-jest, ts-node) there is no such file and it
 * falls back to one in-process worker: same results, reported in `workersUsed` and
 * `fallbackReason`. Tests of the thread path pass a transpiled copy in `workerFile`.
 */

export interface RunProgress {
  trialsDone: number;
  trials: number;
}

export interface RunTrialsOptions<Params> {
  /** Name of a registered block task; the caller must have imported the module that registers it. */
  task: string;
  /** Plain, structured-cloneable data for the task's `prepare`. */
  params: Params;
  trials: number;
  seed: SimulationSeed;
  /** Worker threads; 1 (the default) runs in this thread without loading piscina. */
  workers?: number;
  /** Blocks per unit of work handed out (and per progress report); does not change results. */
  blocksPerBatch?: number;
  /** The compiled worker entry point; defaults to worker.js beside this file. */
  workerFile?: string;
  /** The compiled module that registers `task`, for worker threads; defaults to the task's `modulePath`. */
  taskModulePath?: string;
  onProgress?: (progress: RunProgress) => void;
  /** Aborting rejects the run with `SimulationCancelledError` and stops its threads. */
  signal?: AbortSignal;
}

export interface RunTimings {
  /** Preparing the task in this thread (fitting distributions, layout). */
  prepareMs: number;
  /** Running all blocks, including starting and stopping worker threads. */
  simulateMs: number;
  totalMs: number;
}

export interface RunTrialsResult {
  trials: number;
  seed: SimulationSeed;
  /** Each column holds trials × width values, trial by trial. */
  columns: BlockColumns;
  layout: readonly OutputColumn[];
  blocks: number;
  blocksPerBatch: number;
  workersUsed: number;
  /** Why fewer workers were used than requested, if so. */
  fallbackReason?: string;
  timings: RunTimings;
}

export class SimulationCancelledError extends Error {
  constructor() {
    super('the simulation was cancelled');
    this.name = 'SimulationCancelledError';
  }
}

/** In-process runs yield to the event loop after each batch, so progress and aborts get through. */
const DEFAULT_IN_PROCESS_BLOCKS_PER_BATCH = 16;
/** Thread runs hand out about this many batches per worker, for load balance and progress. */
const BATCHES_PER_WORKER = 4;
const MAX_BLOCKS_PER_BATCH = 64;

const RUNNING_FROM_SOURCES = __filename.endsWith('.ts');
const DEFAULT_WORKER_FILE = join(__dirname, 'worker.js');

let runCounter = 0;

export async function runTrials<Params>(
  options: RunTrialsOptions<Params>,
): Promise<RunTrialsResult> {
  const started = performance.now();
  const { trials, seed } = options;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) {
    throw new RangeError(`trials must be a positive integer, got ${trials}`);
  }
  const requestedWorkers = options.workers ?? 1;
  if (!(Number.isInteger(requestedWorkers) && requestedWorkers >= 1)) {
    throw new RangeError(`workers must be a positive integer, got ${requestedWorkers}`);
  }
  throwIfAborted(options.signal);
  const definition = getBlockTask(options.task);
  const context = definition.prepare(options.params);
  const layout = definition.columns(context);
  const columns = allocateColumns(layout, trials);
  const blocks = blockCount(trials);
  const prepared = performance.now();

  const workerFile = options.workerFile ?? (RUNNING_FROM_SOURCES ? undefined : DEFAULT_WORKER_FILE);
  const taskModulePath = options.taskModulePath ?? definition.modulePath;
  let workers = Math.min(requestedWorkers, blocks);
  let fallbackReason: string | undefined;
  if (workers > 1 && (workerFile === undefined || taskModulePath.endsWith('.ts'))) {
    workers = 1;
    fallbackReason =
      'worker threads need compiled JavaScript; ran in-process from TypeScript sources';
  }
  const blocksPerBatch =
    options.blocksPerBatch ??
    (workers === 1
      ? DEFAULT_IN_PROCESS_BLOCKS_PER_BATCH
      : Math.min(MAX_BLOCKS_PER_BATCH, Math.ceil(blocks / (workers * BATCHES_PER_WORKER))));
  if (!(Number.isInteger(blocksPerBatch) && blocksPerBatch >= 1)) {
    throw new RangeError(`blocksPerBatch must be a positive integer, got ${blocksPerBatch}`);
  }

  const progress = progressReporter(trials, options.onProgress);
  if (workers === 1) {
    for (let firstBlock = 0; firstBlock < blocks; firstBlock += blocksPerBatch) {
      throwIfAborted(options.signal);
      const count = Math.min(blocksPerBatch, blocks - firstBlock);
      runBlocks(definition, context, layout, { seed, trials }, firstBlock, count, columns, 0);
      progress(batchTrials(firstBlock, count, trials));
      await yieldToEventLoop();
    }
  } else {
    await runInThreads({
      workerFile: workerFile as string,
      workers,
      signal: options.signal,
      batches: batchMessages(options, taskModulePath, blocks, blocksPerBatch),
      onBatch: (result) => {
        for (const column of layout) {
          columns[column.name].set(result.columns[column.name], result.firstTrial * column.width);
        }
        progress(result.trialCount);
      },
    });
  }
  const finished = performance.now();
  return {
    trials,
    seed,
    columns,
    layout,
    blocks,
    blocksPerBatch,
    workersUsed: workers,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    timings: {
      prepareMs: prepared - started,
      simulateMs: finished - prepared,
      totalMs: finished - started,
    },
  };
}

function batchMessages<Params>(
  options: RunTrialsOptions<Params>,
  modulePath: string,
  blocks: number,
  blocksPerBatch: number,
): WorkerBatchMessage[] {
  const runId = `${process.pid}-${++runCounter}`;
  const messages: WorkerBatchMessage[] = [];
  for (let firstBlock = 0; firstBlock < blocks; firstBlock += blocksPerBatch) {
    messages.push({
      runId,
      task: options.task,
      modulePath,
      params: options.params,
      seed: options.seed,
      trials: options.trials,
      firstBlock,
      blockCount: Math.min(blocksPerBatch, blocks - firstBlock),
    });
  }
  return messages;
}

async function runInThreads(run: {
  workerFile: string;
  workers: number;
  signal?: AbortSignal;
  batches: WorkerBatchMessage[];
  onBatch: (result: WorkerBatchResult) => void;
}): Promise<void> {
  // Loaded only here, so single-threaded runs (and the CLI's small runs) do not pay for it.
  const { Piscina: PiscinaPool } = await import('piscina');
  const pool: Piscina = new PiscinaPool({
    filename: run.workerFile,
    minThreads: run.workers,
    maxThreads: run.workers,
  });
  // A thread that fails to start is reported through the failing tasks; without a listener the
  // pool's 'error' event would crash the process (e.g. a replacement thread started after an abort).
  pool.on('error', () => undefined);
  // An internal controller lets the first failure stop the other batches too.
  const controller = new AbortController();
  // piscina listens on the signal once per queued batch.
  setMaxListeners(run.batches.length + 1, controller.signal);
  const abort = () => controller.abort();
  run.signal?.addEventListener('abort', abort, { once: true });
  try {
    await Promise.all(
      run.batches.map(async (message) => {
        const result = (await pool.run(message, {
          signal: controller.signal,
        })) as WorkerBatchResult;
        run.onBatch(result);
      }),
    ).catch((error: unknown) => {
      controller.abort();
      throw error;
    });
  } catch (error) {
    if (run.signal?.aborted) throw new SimulationCancelledError();
    throw error;
  } finally {
    run.signal?.removeEventListener('abort', abort);
    await pool.destroy();
  }
}

function batchTrials(firstBlock: number, count: number, trials: number): number {
  const firstTrial = firstBlock * TRIALS_PER_BLOCK;
  return Math.min(count * TRIALS_PER_BLOCK, trials - firstTrial);
}

function progressReporter(trials: number, onProgress?: (progress: RunProgress) => void) {
  let trialsDone = 0;
  return (batchTrialCount: number) => {
    trialsDone += batchTrialCount;
    onProgress?.({ trialsDone, trials });
  };
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new SimulationCancelledError();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
