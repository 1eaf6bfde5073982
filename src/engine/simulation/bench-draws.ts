/**
 * Micro-benchmark of the cohort draws alone (no contract, no statistics). Not a test.
 * Build, then: node dist/engine/simulation/bench-draws.js [trials]
 */
import { cpus } from 'node:os';
import { COHORT_COUNTS_TASK } from './cohort-block';
import { CohortSimulator, createCohortTrialBuffers, type CohortDrawSpec } from './cohort';
import { blockStream, TRIALS_PER_BLOCK } from './rng';
import { runTrials } from './runner';
import { selectRanksInPlace } from './select';
import { fanChart, summarize, SUMMARY_PROBABILITIES } from './statistics';

/**
 * IPS-like spec from DOMAIN.md §1 (Holbæk case): 180 participants, 6 years, 40% gross success of
 * which 24 points deadweight, 10% dropout. The intake split over three years, the timing, lag,
 * relapse and uncertainty figures are benchmark assumptions, chosen to exercise every draw.
 */
export const IPS_LIKE_SPEC: CohortDrawSpec = {
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

const DEFAULT_TRIALS = 1_000_000;
const BENCH_SEED = 20240601;

function drawsOnly(trials: number): { seconds: number; checksum: number } {
  const simulator = new CohortSimulator(IPS_LIKE_SPEC);
  const buffers = createCohortTrialBuffers(IPS_LIKE_SPEC.horizonYears);
  const start = performance.now();
  let checksum = 0;
  for (let first = 0; first < trials; first += TRIALS_PER_BLOCK) {
    const stream = blockStream(BENCH_SEED, first / TRIALS_PER_BLOCK);
    const count = Math.min(TRIALS_PER_BLOCK, trials - first);
    for (let trial = 0; trial < count; trial++) {
      simulator.drawTrial(stream, buffers);
      checksum += buffers.additionalSuccesses[2];
    }
  }
  return { seconds: (performance.now() - start) / 1000, checksum };
}

async function runner(trials: number, workers: number) {
  const start = performance.now();
  const result = await runTrials({
    task: COHORT_COUNTS_TASK.name,
    params: IPS_LIKE_SPEC,
    trials,
    seed: BENCH_SEED,
    workers,
  });
  return { seconds: (performance.now() - start) / 1000, result };
}

/** Best of a few repetitions: the development machine is shared, so single timings are noisy. */
const REPETITIONS = 5;
function bestMilliseconds(work: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < REPETITIONS; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function statisticsTimings(columns: Record<string, Float64Array>, trials: number): void {
  const horizon = IPS_LIKE_SPEC.horizonYears;
  const factor = columns.somGainFactor;
  const ranks = [
    ...new Set(
      SUMMARY_PROBABILITIES.flatMap((p) => {
        const lower = Math.floor((trials - 1) * p);
        return [lower, Math.min(lower + 1, trials - 1)];
      }),
    ),
  ].sort((a, b) => a - b);
  const timings = {
    'sort (for comparison)': bestMilliseconds(() => factor.slice().sort()),
    'Floyd–Rivest, 10 ranks on a copy': bestMilliseconds(() =>
      selectRanksInPlace(factor.slice(), ranks),
    ),
    'summarize (bucket selection)': bestMilliseconds(() => summarize(factor)),
    [`fanChart, ${horizon} years`]: bestMilliseconds(() =>
      fanChart(columns.additionalSuccesses, horizon),
    ),
  };
  for (const [label, milliseconds] of Object.entries(timings)) {
    console.log(`  ${label.padEnd(34)} ${milliseconds.toFixed(1)} ms`);
  }
}

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? DEFAULT_TRIALS);
  const line = (label: string, seconds: number) =>
    console.log(
      `${label.padEnd(36)} ${seconds.toFixed(3)} s  ${Math.round(trials / seconds).toLocaleString('en')} trials/s`,
    );
  console.log(
    `node ${process.version}, ${cpus().length} cores, ${trials.toLocaleString('en')} trials`,
  );
  line('cohort draws only, 1 thread', drawsOnly(trials).seconds);
  let columns: Record<string, Float64Array> = {};
  for (const workers of [1, Math.max(2, cpus().length)]) {
    const run = await runner(trials, workers);
    line(`runTrials cohortCounts, ${run.result.workersUsed} worker(s)`, run.seconds);
    columns = run.result.columns;
  }
  console.log(`statistics over ${trials.toLocaleString('en')} trials (best of ${REPETITIONS}):`);
  statisticsTimings(columns, trials);
  console.log(`RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
