import { TRIALS_PER_BLOCK, type SimulationSeed } from './rng';

/**
 * The generic unit of Monte Carlo work: a named block task computes the outputs of one block
 * of consecutive trials. The contract simulation, the cohort draws and later the fund
 * simulation each register one; the runner executes them in-process or in worker threads.
 */

/** One block of consecutive trials, with the run's seed (its stream is `blockStream(seed, blockIndex)`). */
export interface BlockRange {
  blockIndex: number;
  /** Index of the block's first trial in the run. */
  firstTrial: number;
  /** TRIALS_PER_BLOCK, or fewer in the run's last block. */
  trialCount: number;
  seed: SimulationSeed;
}

/** An output column: `width` values per trial (1 for a scalar such as the IRR, the horizon for a yearly series). */
export interface OutputColumn {
  name: string;
  width: number;
  /**
   * Record only the run's first this many trials (whole blocks of TRIALS_PER_BLOCK, or all the
   * run's trials): the blocks after them get no view of this column. For outputs whose summary
   * needs fewer trials than the run (fan charts), so a large run neither stores nor reruns them.
   */
  trialLimit?: number;
}

/**
 * Output columns by name; each holds trialCount × width values (only its `trialLimit` first
 * trials' for a limited column), block by block: block b's trials take the slots
 * [b·TRIALS_PER_BLOCK·width, …), laid out within them as the task chooses.
 */
export type BlockColumns = Record<string, Float64Array>;

/** Trials of [firstTrial, firstTrial + trialCount) that `column` records. */
function recordedTrials(column: OutputColumn, firstTrial: number, trialCount: number): number {
  const end = Math.min(firstTrial + trialCount, column.trialLimit ?? Infinity);
  return Math.max(0, end - firstTrial);
}

export interface BlockTaskDefinition<Params = any, Context = any> {
  /** Unique name, used to find the task in a worker thread. */
  name: string;
  /** Absolute path of the module that registers this task (`__filename`): worker threads import it. */
  modulePath: string;
  /** Once per run and thread: validate the plain-data (structured-cloneable) params, fit distributions, allocate scratch buffers. */
  prepare(params: Params): Context;
  /** The output columns, fixed for a run. */
  columns(context: Context): readonly OutputColumn[];
  /**
   * Computes the block's trials into `out`, whose columns are preallocated and zeroed. Draws
   * only from `blockStream(block.seed, block.blockIndex)`, and nothing may carry over from one
   * block to the next (scratch buffers in the context are overwritten per trial): a block's
   * result must not depend on which thread ran which blocks before it. A column with a
   * `trialLimit` is missing from `out` in the blocks past it.
   */
  runBlock(context: Context, block: BlockRange, out: BlockColumns): void;
}

const registry = new Map<string, BlockTaskDefinition>();

/** Registers a task at module load. Registering the same definition twice is harmless. */
export function registerBlockTask<Params, Context>(
  definition: BlockTaskDefinition<Params, Context>,
): BlockTaskDefinition<Params, Context> {
  const existing = registry.get(definition.name);
  if (existing !== undefined && existing !== definition) {
    throw new Error(`a different block task is already registered as "${definition.name}"`);
  }
  registry.set(definition.name, definition);
  return definition;
}

export function getBlockTask(name: string): BlockTaskDefinition {
  const definition = registry.get(name);
  if (definition === undefined) {
    const known = [...registry.keys()].join(', ') || 'none';
    throw new Error(`no block task named "${name}" is registered (registered: ${known})`);
  }
  return definition;
}

/**
 * Allocates zeroed columns for `trialCount` trials, each as far as it records them; `shared`:
 * on SharedArrayBuffers, which worker threads write into directly.
 */
export function allocateColumns(
  columns: readonly OutputColumn[],
  trialCount: number,
  shared = false,
): BlockColumns {
  const out: BlockColumns = {};
  for (const column of columns) {
    const limit = column.trialLimit;
    if (limit !== undefined && limit < trialCount && limit % TRIALS_PER_BLOCK !== 0) {
      throw new RangeError(
        `column ${column.name} would end inside a block: its trial limit ${limit} must be whole blocks of ${TRIALS_PER_BLOCK} or at least the run's ${trialCount} trials`,
      );
    }
    const length = recordedTrials(column, 0, trialCount) * column.width;
    out[column.name] = shared
      ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
      : new Float64Array(length);
  }
  return out;
}

/**
 * Runs blocks [firstBlock, firstBlock + blockCount) of a run of `trials` trials, writing into
 * the run's columns `out`. Both the in-process runner and the worker call this, so a block's
 * result cannot depend on where it runs; blocks write disjoint ranges, so threads sharing the
 * columns never write the same memory.
 */
export function runBlocks(
  definition: BlockTaskDefinition,
  context: unknown,
  columns: readonly OutputColumn[],
  run: { seed: SimulationSeed; trials: number },
  firstBlock: number,
  blockCount: number,
  out: BlockColumns,
): void {
  for (let blockIndex = firstBlock; blockIndex < firstBlock + blockCount; blockIndex++) {
    const firstTrial = blockIndex * TRIALS_PER_BLOCK;
    const trialCount = Math.min(TRIALS_PER_BLOCK, run.trials - firstTrial);
    if (trialCount <= 0) break;
    const views: BlockColumns = {};
    for (const column of columns) {
      // allocateColumns checked that a limited column ends between blocks.
      if (recordedTrials(column, firstTrial, trialCount) === 0) continue;
      const start = firstTrial * column.width;
      views[column.name] = out[column.name].subarray(start, start + trialCount * column.width);
    }
    definition.runBlock(context, { blockIndex, firstTrial, trialCount, seed: run.seed }, views);
  }
}
