import { registerBlockTask, type BlockColumns, type OutputColumn } from './block-task';
import {
  CohortSimulator,
  createCohortTrialBuffers,
  type CohortDrawSpec,
  type CohortTrialBuffers,
} from './cohort';
import { blockStream } from './rng';

/**
 * The block task "cohortCounts": a trial's cohort draws as output columns, without any
 * contract. Used for the benchmark of the draws, the determinism tests, and as the example
 * a contract or fund block task follows (prepare once, one stream per block, no allocation
 * per trial).
 */

/** Yearly columns (width = horizonYears), named as in `CohortTrialBuffers`. */
export const COHORT_YEARLY_COLUMNS = [
  'started',
  'dropouts',
  'grossSuccesses',
  'additionalSuccesses',
  'deadweightSuccesses',
  'relapses',
  'additionalRelapses',
] as const;

/** Scalar columns (width 1): the trial's drawn parameters, named as in `DrawnParameters`. */
export const COHORT_PARAMETER_COLUMNS = [
  'grossSuccessRate',
  'deadweightRate',
  'dropoutRate',
  'somGainFactor',
] as const;

interface CohortBlockContext {
  simulator: CohortSimulator;
  buffers: CohortTrialBuffers;
  layout: OutputColumn[];
}

export const COHORT_COUNTS_TASK = registerBlockTask<CohortDrawSpec, CohortBlockContext>({
  name: 'cohortCounts',
  modulePath: __filename,
  prepare(spec) {
    const simulator = new CohortSimulator(spec);
    const horizon = simulator.horizonYears;
    return {
      simulator,
      buffers: createCohortTrialBuffers(horizon),
      layout: [
        ...COHORT_YEARLY_COLUMNS.map((name) => ({ name, width: horizon })),
        ...COHORT_PARAMETER_COLUMNS.map((name) => ({ name, width: 1 })),
      ],
    };
  },
  columns: (context) => context.layout,
  runBlock(context, block, out: BlockColumns) {
    const { simulator, buffers } = context;
    const horizon = simulator.horizonYears;
    const stream = blockStream(block.seed, block.blockIndex);
    const yearly = COHORT_YEARLY_COLUMNS.map((name) => [buffers[name], out[name]] as const);
    const parameters = COHORT_PARAMETER_COLUMNS.map((name) => [name, out[name]] as const);
    for (let trial = 0; trial < block.trialCount; trial++) {
      simulator.drawTrial(stream, buffers);
      const row = trial * horizon;
      for (const [source, target] of yearly) {
        for (let year = 0; year < horizon; year++) target[row + year] = source[year];
      }
      for (const [name, target] of parameters) target[trial] = buffers.drawn[name];
    }
  },
});
