import fc from 'fast-check';
import { binomialProbability } from './binomial';
import {
  CohortSimulator,
  createCohortTrialBuffers,
  type CohortDrawSpec,
  type CohortTrialBuffers,
} from './cohort';
import { PerParticipantCohortSimulator } from './cohort-reference';
import { chiSquareGoodnessOfFit, chiSquareHomogeneity, countOccurrences } from './goodness-of-fit';
import { blockStream } from './rng';
import { mean, standardDeviation } from './statistics';

const TRIALS = 20_000;
const SIGNIFICANCE = 0.001;

/** IPS figures (DOMAIN.md §1): 180 participants, 40% get a job, 24% would anyway, 10% drop out. */
const IPS_FIXED: CohortDrawSpec = {
  horizonYears: 6,
  participantsByYear: [180],
  grossSuccessRate: { mean: 0.4 },
  deadweightRate: { mean: 0.24 },
  dropoutRate: { mean: 0.1 },
  dropoutTiming: [1],
  successLag: [1],
};

/** Every feature at once: three intakes, uncertain rates, timing, lag, relapse, SØM factor. */
const FULL_SPEC: CohortDrawSpec = {
  horizonYears: 6,
  participantsByYear: [60, 60, 60],
  grossSuccessRate: { mean: 0.4, interval90: [0.3, 0.5] },
  deadweightRate: { mean: 0.24, effectiveSampleSize: 200 },
  dropoutRate: { mean: 0.1, effectiveSampleSize: 500 },
  dropoutTiming: [0.6, 0.4],
  successLag: [0.3, 0.5, 0.2],
  relapseRate: 0.1,
  somGainUncertainty: { coefficientOfVariation: 0.2 },
};

type Statistic = (trial: CohortTrialBuffers) => number;
const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);

/** Runs `trials` trials of a simulator from one stream and records each statistic per trial. */
function simulate(
  simulator: { drawTrial(stream: ReturnType<typeof blockStream>, out: CohortTrialBuffers): void },
  horizon: number,
  statistics: Statistic[],
  seed: number,
  trials = TRIALS,
): Float64Array[] {
  const out = createCohortTrialBuffers(horizon);
  const stream = blockStream(seed, 0);
  const recorded = statistics.map(() => new Float64Array(trials));
  for (let trial = 0; trial < trials; trial++) {
    simulator.drawTrial(stream, out);
    statistics.forEach((statistic, i) => (recorded[i][trial] = statistic(out)));
  }
  return recorded;
}

function binomialProbabilities(n: number, p: number): number[] {
  return Array.from({ length: n + 1 }, (_, k) => binomialProbability(n, p, k));
}

describe('cohort draws at fixed rates follow the analytic binomial distributions', () => {
  const [additional, gross, dropouts] = simulate(
    new CohortSimulator(IPS_FIXED),
    6,
    [(t) => sum(t.additionalSuccesses), (t) => sum(t.grossSuccesses), (t) => sum(t.dropouts)],
    31,
  );

  it('additional successes ~ Binomial(180, 0.9·(0.40 − 0.24) = 0.144) (chi-square, seed 31)', () => {
    const result = chiSquareGoodnessOfFit(
      countOccurrences(additional, 180),
      binomialProbabilities(180, 0.144),
    );
    expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('gross successes ~ Binomial(180, 0.9·0.40 = 0.36) and dropouts ~ Binomial(180, 0.10)', () => {
    expect(
      chiSquareGoodnessOfFit(countOccurrences(gross, 180), binomialProbabilities(180, 0.36)).pValue,
    ).toBeGreaterThan(SIGNIFICANCE);
    expect(
      chiSquareGoodnessOfFit(countOccurrences(dropouts, 180), binomialProbabilities(180, 0.1))
        .pValue,
    ).toBeGreaterThan(SIGNIFICANCE);
  });
});

describe('binomial cohort draws against the per-participant reference', () => {
  const statistics: [string, Statistic][] = [
    ['total additional successes', (t) => sum(t.additionalSuccesses)],
    ['additional successes in year 2', (t) => t.additionalSuccesses[2]],
    ['deadweight successes in year 1', (t) => t.deadweightSuccesses[1]],
    ['dropouts in year 1', (t) => t.dropouts[1]],
    ['total relapses', (t) => sum(t.relapses)],
    ['additional relapses in year 4', (t) => t.additionalRelapses[4]],
  ];
  const fast = simulate(
    new CohortSimulator(FULL_SPEC),
    6,
    statistics.map(([, f]) => f),
    41,
  );
  const reference = simulate(
    new PerParticipantCohortSimulator(FULL_SPEC),
    6,
    statistics.map(([, f]) => f),
    42,
  );

  it.each(statistics.map(([name], i) => [name, i] as const))(
    'give the same distribution of %s (two-sample chi-square, seeds 41 and 42)',
    (_, i) => {
      const result = chiSquareHomogeneity(
        countOccurrences(fast[i], 180),
        countOccurrences(reference[i], 180),
      );
      expect(result.pValue).toBeGreaterThan(SIGNIFICANCE);
    },
  );
});

describe('the Monte Carlo mean of the cohort draws', () => {
  it('converges to participants·(1 − dropout)·(success − deadweight) within 3 standard errors', () => {
    // Success rate uncertain (Beta, mean 0.40), deadweight fixed at 0.10, dropout 0.10; every
    // lag ends by year 4 < horizon 6, and P(s < 0.10) is negligible, so
    // E[additional] = 180·0.9·(0.40 − 0.10) = 48.6.
    const spec: CohortDrawSpec = {
      ...FULL_SPEC,
      deadweightRate: { mean: 0.1 },
      dropoutRate: { mean: 0.1 },
    };
    const [additional] = simulate(
      new CohortSimulator(spec),
      6,
      [(t) => sum(t.additionalSuccesses)],
      51,
    );
    const standardError = standardDeviation(additional) / Math.sqrt(TRIALS);
    expect(Math.abs(mean(additional) - 48.6)).toBeLessThan(3 * standardError);
  });
});

describe('cohort draws keep their accounting straight', () => {
  const specArbitrary = fc.record({
    horizonYears: fc.integer({ min: 1, max: 8 }),
    participants: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 }),
    success: fc.double({ min: 0.02, max: 0.98, noNaN: true }),
    deadweight: fc.double({ min: 0, max: 1, noNaN: true }),
    dropout: fc.double({ min: 0, max: 1, noNaN: true }),
    relapse: fc.double({ min: 0, max: 1, noNaN: true }),
    lagWeights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
    uncertain: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  });

  it('never count more dropouts and successes than starters, nor more relapses than holders (property, seed 61)', () => {
    fc.assert(
      fc.property(specArbitrary, (drawn) => {
        const lagTotal = drawn.lagWeights.reduce((a, b) => a + b, 0);
        const horizon = Math.max(drawn.horizonYears, drawn.participants.length);
        const spec: CohortDrawSpec = {
          horizonYears: horizon,
          participantsByYear: drawn.participants,
          grossSuccessRate: drawn.uncertain
            ? { mean: drawn.success, effectiveSampleSize: 30 }
            : { mean: drawn.success },
          deadweightRate: { mean: drawn.deadweight },
          dropoutRate: { mean: drawn.dropout },
          dropoutTiming: [0.5, 0.5],
          successLag: drawn.lagWeights.map((weight) => weight / lagTotal),
          relapseRate: drawn.relapse,
        };
        const simulator = new CohortSimulator(spec);
        const out = createCohortTrialBuffers(horizon);
        const stream = blockStream(drawn.seed, 0);
        for (let trial = 0; trial < 5; trial++) {
          simulator.drawTrial(stream, out);
          expect(sum(out.started)).toBe(drawn.participants.reduce((a, b) => a + b, 0));
          expect(sum(out.dropouts) + sum(out.grossSuccesses)).toBeLessThanOrEqual(sum(out.started));
          let additionalHeld = 0;
          let grossHeld = 0;
          for (let year = 0; year < horizon; year++) {
            expect(out.additionalSuccesses[year] + out.deadweightSuccesses[year]).toBe(
              out.grossSuccesses[year],
            );
            expect(out.additionalRelapses[year]).toBeLessThanOrEqual(out.relapses[year]);
            // Relapses in a year come only from outcomes held at its start.
            expect(out.additionalRelapses[year]).toBeLessThanOrEqual(additionalHeld);
            expect(out.relapses[year]).toBeLessThanOrEqual(grossHeld);
            additionalHeld += out.additionalSuccesses[year] - out.additionalRelapses[year];
            grossHeld += out.grossSuccesses[year] - out.relapses[year];
          }
          for (const buffer of [out.dropouts, out.grossSuccesses, out.relapses]) {
            expect(buffer.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
          }
        }
      }),
      { seed: 61, numRuns: 300 },
    );
  });

  it('count no additional success in a trial whose deadweight exceeds its success rate', () => {
    const simulator = new CohortSimulator({
      ...IPS_FIXED,
      grossSuccessRate: { mean: 0.2 },
      deadweightRate: { mean: 0.3 },
    });
    const out = createCohortTrialBuffers(6);
    simulator.drawTrial(blockStream(1, 0), out);
    expect(sum(out.additionalSuccesses)).toBe(0);
    expect(sum(out.deadweightSuccesses)).toBeGreaterThan(0);
  });

  it('drop successes that fall after the horizon', () => {
    // Intake in year 2 of a 3-year horizon with a 2-year lag: successes would land in year 4.
    const simulator = new CohortSimulator({
      ...IPS_FIXED,
      horizonYears: 3,
      participantsByYear: [0, 0, 100],
      grossSuccessRate: { mean: 1 },
      deadweightRate: { mean: 0 },
      dropoutRate: { mean: 0 },
      successLag: [0, 0, 1],
    });
    const out = createCohortTrialBuffers(3);
    simulator.drawTrial(blockStream(1, 0), out);
    expect(Array.from(out.started)).toEqual([0, 0, 100]);
    expect(sum(out.grossSuccesses)).toBe(0);
  });

  it('draw a SØM gain factor of exactly 1 when the gains are certain', () => {
    const out = createCohortTrialBuffers(6);
    new CohortSimulator(IPS_FIXED).drawTrial(blockStream(1, 0), out);
    expect(out.drawn).toEqual({
      grossSuccessRate: 0.4,
      deadweightRate: 0.24,
      dropoutRate: 0.1,
      somGainFactor: 1,
    });
  });

  it('refuse intake years beyond the horizon and fractional participants, naming the field', () => {
    expect(
      () => new CohortSimulator({ ...IPS_FIXED, horizonYears: 1, participantsByYear: [10, 10] }),
    ).toThrow(/participantsByYear lists 2 years, more than horizonYears 1/);
    expect(() => new CohortSimulator({ ...IPS_FIXED, participantsByYear: [10.5] })).toThrow(
      /participantsByYear\[0\] must be a non-negative integer, got 10.5/,
    );
    expect(() => new CohortSimulator({ ...IPS_FIXED, relapseRate: 2 })).toThrow(
      /relapseRate must lie in \[0, 1\]/,
    );
  });
});
