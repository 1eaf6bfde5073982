import {
  getBlockTask,
  runBlocks,
  type BlockColumns,
  type BlockTaskDefinition,
  type OutputColumn,
} from './block-task';
import type { SimulationSeed } from './rng';

/**
 * The worker-thread entry point (a piscina handler). Loaded from compiled JavaScript only
 * (dist/engine/simulation/worker.js): the runner falls back to in-process execution when it
 * runs from TypeScript sources.
 */

/** One batch of consecutive blocks, as the runner posts it (structured-cloned). */
export interface WorkerBatchMessage {
  /** Identifies the run, so a thread prepares each run's task once. */
  runId: string;
  task: string;
  /** The module that registers `task`; imported once per thread. */
  modulePath: string;
  params: unknown;
  seed: SimulationSeed;
  trials: number;
  firstBlock: number;
  blockCount: number;
  /** The run's columns on SharedArrayBuffers: cloning shares their memory, so the blocks are written in place. */
  columns: BlockColumns;
}

interface PreparedRun {
  definition: BlockTaskDefinition;
  context: unknown;
  columns: readonly OutputColumn[];
}

/** Runs sharing a pool at once are few; keep the latest few prepared contexts. */
const PREPARED_RUNS_KEPT = 4;
const preparedRuns = new Map<string, PreparedRun>();

async function prepareRun(message: WorkerBatchMessage): Promise<PreparedRun> {
  const cached = preparedRuns.get(message.runId);
  if (cached !== undefined) return cached;
  await import(message.modulePath);
  const definition = getBlockTask(message.task);
  const context = definition.prepare(message.params);
  const prepared = { definition, context, columns: definition.columns(context) };
  preparedRuns.set(message.runId, prepared);
  if (preparedRuns.size > PREPARED_RUNS_KEPT) {
    preparedRuns.delete(preparedRuns.keys().next().value as string);
  }
  return prepared;
}

/** Runs one batch into the shared columns; the runner knows which blocks it handed out. */
export default async function runWorkerBatch(message: WorkerBatchMessage): Promise<void> {
  const prepared = await prepareRun(message);
  runBlocks(
    prepared.definition,
    prepared.context,
    prepared.columns,
    message,
    message.firstBlock,
    message.blockCount,
    message.columns,
  );
}
