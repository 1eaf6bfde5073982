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
import type { WorkerBatchMessage } from './worker';

/**
 * Runs N trials of a registered block task, split into fixed blocks (TRIALS_PER_BLOCK), in
 * this thread or across threads, into columns in trial order. Blocks draw from streams keyed by
 * (seed, blockIndex) only, so the columns are identical for any number of workers and any
 * batch size.
 *
 * `workers: n` means that up to n threads compute: this one and n − 1 worker threads (piscina),
 * all taking batches of consecutive blocks from one queue until it is empty, each writing its
 * blocks straight into the run's columns (SharedArrayBuffers: no copy, no transfer, no batch
 * buffers to collect). This thread starts at once, where it used to wait idle while the
 * workers started (a thread, its modules, cold code); it computes small batches and yields
 * between them, so it keeps the workers fed, and one worker thread fewer is one heap fewer.
 * The workers are started only once the work left would outlast their start-up
 * (DEFAULT_THREADS_PAY_OFF_MS): a short run is done sooner by this thread alone.
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
  /** Threads that compute, this one included; 1 (the default) runs here without loading piscina. */
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
  /**
   * With workers > 1: start the worker threads once the work left here is estimated to take
   * longer than this (default DEFAULT_THREADS_PAY_OFF_MS); 0 starts them at once.
   */
  threadsPayOffMs?: number;
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
  /** Each column holds min(trials, its trialLimit) × width values, block by block (see block-task.ts). */
  columns: BlockColumns;
  layout: readonly OutputColumn[];
  blocks: number;
  /** Blocks per batch this thread computed (worker threads' batches may differ). */
  blocksPerBatch: number;
  /** Threads that computed, this one included. */
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
/**
 * With worker threads, this thread's batches are small (about 5 ms of work), so it hands out work
 * and reports progress promptly, and the last batches of all threads end close together.
 */
const SHARED_MAIN_BLOCKS_PER_BATCH = 4;
/**
 * Worker threads are started only when the work left would keep this thread busy longer than
 * this (estimated from its fastest batch so far): a thread needs 0.1–0.2 s to start, load its
 * modules and warm up, so a shorter run is done sooner here alone. Results never depend on it.
 */
export const DEFAULT_THREADS_PAY_OFF_MS = 400;
/** This thread's batches before it estimates the rest: the first ones run cold code. */
const BATCHES_BEFORE_ESTIMATE = 3;
/** A worker thread's first batches are small (its code is cold) and double with each one done, … */
const FIRST_WORKER_BLOCKS_PER_BATCH = 2;
/** … up to this (large enough to amortise a message: the task's params are cloned), … */
const MAX_WORKER_BLOCKS_PER_BATCH = 32;
/** … and smaller towards the end: at most the queue's rest ÷ (this × computing threads). */
const TAIL_SHARE_DIVISOR = 2;
/** Batches posted to a worker thread ahead, so it never waits for this thread to hand out work. */
const TASKS_QUEUED_PER_THREAD = 2;

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
  const blocks = blockCount(trials);
  const workerFile = options.workerFile ?? (RUNNING_FROM_SOURCES ? undefined : DEFAULT_WORKER_FILE);
  const taskModulePath = options.taskModulePath ?? definition.modulePath;
  let workers = Math.min(requestedWorkers, blocks);
  let fallbackReason: string | undefined;
  if (workers > 1 && (workerFile === undefined || taskModulePath.endsWith('.ts'))) {
    workers = 1;
    fallbackReason =
      'worker threads need compiled JavaScript; ran in-process from TypeScript sources';
  }
  // Worker threads write their blocks straight into shared columns: no copies, no transfers.
  const columns = allocateColumns(layout, trials, workers > 1);
  const prepared = performance.now();

  const blocksPerBatch =
    options.blocksPerBatch ??
    (workers === 1 ? DEFAULT_IN_PROCESS_BLOCKS_PER_BATCH : SHARED_MAIN_BLOCKS_PER_BATCH);
  if (!(Number.isInteger(blocksPerBatch) && blocksPerBatch >= 1)) {
    throw new RangeError(`blocksPerBatch must be a positive integer, got ${blocksPerBatch}`);
  }

  const progress = progressReporter(trials, options.onProgress);
  const queue = new BlockQueue(blocks);
  const computeHere = async (afterBatch?: (blocks: number, ms: number) => void) => {
    for (;;) {
      const batch = queue.take(blocksPerBatch);
      if (batch === null) return;
      throwIfAborted(options.signal);
      const { firstBlock, count } = batch;
      const from = performance.now();
      runBlocks(definition, context, layout, { seed, trials }, firstBlock, count, columns);
      afterBatch?.(count, performance.now() - from);
      progress(batchTrials(firstBlock, count, trials));
      await yieldToEventLoop();
    }
  };
  let threadsStarted = 0;
  if (workers === 1) {
    await computeHere();
  } else {
    threadsStarted = await runShared({
      workerFile: workerFile as string,
      threads: workers - 1,
      signal: options.signal,
      queue,
      workerBatch: options.blocksPerBatch,
      payOffMs:
        options.blocksPerBatch !== undefined
          ? 0
          : (options.threadsPayOffMs ?? DEFAULT_THREADS_PAY_OFF_MS),
      computeHere,
      message: batchMessage(options, taskModulePath, columns),
      onBatch: (firstBlock, count) => progress(batchTrials(firstBlock, count, trials)),
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
    workersUsed: threadsStarted + 1,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    timings: {
      prepareMs: prepared - started,
      simulateMs: finished - prepared,
      totalMs: finished - started,
    },
  };
}

/** The blocks of a run not yet handed out; every computing thread takes its batches from here. */
class BlockQueue {
  private next = 0;

  constructor(private readonly blocks: number) {}

  get remaining(): number {
    return this.blocks - this.next;
  }

  /** Hands out nothing more (a thread failed or the run was aborted). */
  close(): void {
    this.next = this.blocks;
  }

  /** Up to `count` consecutive blocks, or null when none are left. */
  take(count: number): { firstBlock: number; count: number } | null {
    if (this.next >= this.blocks) return null;
    const firstBlock = this.next;
    const taken = Math.min(count, this.blocks - firstBlock);
    this.next += taken;
    return { firstBlock, count: taken };
  }
}

function batchMessage<Params>(
  options: RunTrialsOptions<Params>,
  modulePath: string,
  columns: BlockColumns,
): (firstBlock: number, blockCount: number) => WorkerBatchMessage {
  const runId = `${process.pid}-${++runCounter}`;
  return (firstBlock, blockCount) => ({
    runId,
    task: options.task,
    modulePath,
    params: options.params,
    seed: options.seed,
    trials: options.trials,
    firstBlock,
    blockCount,
    columns,
  });
}

/**
 * This thread (`computeHere`) and, once they pay off, `threads` worker threads take batches from
 * one queue until it is empty. A worker's batches start small, grow as it warms up and shrink
 * again towards the end of the queue (unless `workerBatch` fixes them), so no thread is left
 * with a long batch while the others are done. Returns the number of threads started.
 */
async function runShared(run: {
  workerFile: string;
  threads: number;
  signal?: AbortSignal;
  queue: BlockQueue;
  workerBatch: number | undefined;
  payOffMs: number;
  computeHere: (afterBatch: (blocks: number, ms: number) => void) => Promise<void>;
  message: (firstBlock: number, blockCount: number) => WorkerBatchMessage;
  /** A worker thread has written these blocks into the columns. */
  onBatch: (firstBlock: number, blockCount: number) => void;
}): Promise<number> {
  // An internal controller lets the first failure stop everything else.
  const controller = new AbortController();
  // piscina listens on the signal once per task in flight.
  setMaxListeners(run.threads * TASKS_QUEUED_PER_THREAD + 1, controller.signal);
  const abort = () => {
    run.queue.close();
    controller.abort();
  };
  run.signal?.addEventListener('abort', abort, { once: true });
  const computing = run.threads + 1;
  let pool: Piscina | null = null;
  let nextSize = FIRST_WORKER_BLOCKS_PER_BATCH;
  const feedWorker = async (workers: Piscina) => {
    while (!controller.signal.aborted) {
      const tail = Math.floor(run.queue.remaining / (TAIL_SHARE_DIVISOR * computing));
      const size = run.workerBatch ?? Math.max(1, Math.min(nextSize, tail));
      const batch = run.queue.take(size);
      if (batch === null) return;
      await workers.run(run.message(batch.firstBlock, batch.count), { signal: controller.signal });
      nextSize = Math.min(MAX_WORKER_BLOCKS_PER_BATCH, 2 * nextSize);
      run.onBatch(batch.firstBlock, batch.count);
    }
  };
  const feeders: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  const startThreads = () => {
    // Loaded only here, so runs that never start a thread do not pay for it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Piscina: PiscinaPool } = require('piscina') as typeof import('piscina');
    pool = new PiscinaPool({
      filename: run.workerFile,
      minThreads: run.threads,
      maxThreads: run.threads,
      concurrentTasksPerWorker: TASKS_QUEUED_PER_THREAD,
    });
    // A thread that fails to start is reported through the failing tasks; without a listener
    // the pool's 'error' event would crash the process (e.g. a thread started after an abort).
    pool.on('error', () => undefined);
    for (let i = 0; i < run.threads * TASKS_QUEUED_PER_THREAD; i++) {
      feeders.push(
        feedWorker(pool).catch((error: unknown) => {
          failure ??= { error };
          abort();
        }),
      );
    }
  };
  let batchesHere = 0;
  let fastestMsPerBlock = Infinity;
  const estimate = (blocks: number, ms: number) => {
    batchesHere++;
    fastestMsPerBlock = Math.min(fastestMsPerBlock, ms / blocks);
    const left = run.queue.remaining * fastestMsPerBlock;
    if (pool === null && batchesHere >= BATCHES_BEFORE_ESTIMATE && left > run.payOffMs) {
      startThreads();
    }
  };
  if (run.payOffMs === 0) startThreads();
  try {
    try {
      await yieldToEventLoop();
      await run.computeHere(estimate);
    } catch (error) {
      failure ??= { error };
      abort();
    }
    // Feeders started while this thread computed; they stop at the first failure or abort.
    await Promise.all(feeders);
    if (run.signal?.aborted) throw new SimulationCancelledError();
    if (failure !== undefined) throw failure.error;
  } finally {
    run.signal?.removeEventListener('abort', abort);
    await (pool as Piscina | null)?.destroy();
  }
  return pool === null ? 0 : run.threads;
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
