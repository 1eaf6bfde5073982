import { baseContract } from '../contract/contract.fixture';
import { expectedOutcomes, type Contract } from '../contract';
import { binomialProbability } from './binomial';
import { ContractOutcomeSampler, contractRateDistributions } from './contract-outcome-sampler';
import { chiSquareGoodnessOfFit, countOccurrences } from './goodness-of-fit';
import { blockStream } from './rng';

/** Pearson's test rejects a correct sampler at this p-value once in a thousand seeds. */
const SIGNIFICANCE = 0.001;
const TRIALS = 20_000;

/**
 * One cohort of 100 measured in its start year (lag 0): dropout 10%, gross success 50% of the
 * completers, deadweight 20 points of the completers.
 */
function singleCohort(overrides: Partial<Contract['intervention']> = {}): Contract {
  const contract = baseContract();
  return {
    ...contract,
    horizonYears: 2,
    intervention: {
      ...contract.intervention,
      dropoutRate: 0.1,
      grossSuccessRate: 0.5,
      deadweightRate: 0.2,
      outcomeLagYears: 0,
      ...overrides,
    },
  };
}

function drawMany(sampler: ContractOutcomeSampler, trials: number, pick: () => number): number[] {
  const stream = blockStream('contract-outcome-sampler-spec', 0);
  const values: number[] = [];
  for (let t = 0; t < trials; t++) {
    sampler.draw(stream);
    values.push(pick());
  }
  return values;
}

function binomialFit(values: number[], n: number, p: number) {
  const probabilities = Array.from({ length: n + 1 }, (_, k) => binomialProbability(n, p, k));
  return chiSquareGoodnessOfFit(countOccurrences(values, n), probabilities);
}

describe('ContractOutcomeSampler', () => {
  it('draws a cohort’s additional successes as Binomial(n, (1 − dropout) × (gross − deadweight))', () => {
    // Thinning: each of the 100 starts stays (0.9), succeeds (0.5) and is not deadweight
    // (1 − 0.2/0.5 = 0.6) independently, so additional ~ Binomial(100, 0.9 × 0.5 × 0.6 = 0.27),
    // and gross ~ Binomial(100, 0.9 × 0.5 = 0.45).
    const sampler = new ContractOutcomeSampler(singleCohort());
    const o = sampler.outcomes;
    const additional = drawMany(sampler, TRIALS, () => o.additionalSuccesses[0]);
    const fit = binomialFit(additional, 100, 0.27);
    expect(fit.pValue).toBeGreaterThan(SIGNIFICANCE);
    const gross = drawMany(sampler, TRIALS, () => o.grossSuccesses[0]);
    expect(binomialFit(gross, 100, 0.45).pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('counts the completers as measured in the year of their outcome lag, none after the horizon', () => {
    // Lag 1: the 100 starts of year 1 are measured in year 2; a horizon of 1 year measures nobody.
    const lagged = new ContractOutcomeSampler({
      ...singleCohort({ outcomeLagYears: 1, dropoutRate: 0 }),
    });
    drawMany(lagged, 1, () => 0);
    expect(lagged.outcomes.measured).toEqual([0, 100]);
    expect(lagged.outcomes.completers).toEqual([100, 0]);
  });

  it('uses an observed count instead of drawing it, and builds the counts after it on it', () => {
    // Observed 30 gross successes in year 1 of 100 measured (dropout 0): additional =
    // max(0, 30 − 0.2 × 100) = 10 in every trial, as expectedOutcomes defines it.
    const contract: Contract = {
      ...singleCohort({ dropoutRate: 0 }),
      observed: { byYear: [{ year: 1, grossSuccesses: 30 }] },
    };
    const sampler = new ContractOutcomeSampler(contract);
    const additional = drawMany(sampler, 50, () => sampler.outcomes.additionalSuccesses[0]);
    expect(new Set(additional)).toEqual(new Set([10]));
  });

  it('makes a fractional intake whole people per trial while keeping its mean', () => {
    // 101 × 0.5 = 50.5 starts: 50 or 51 people, 51 with probability 0.5; the mean of TRIALS
    // trials has standard error 0.5 / √TRIALS ≈ 0.0035.
    const contract = singleCohort({ participants: 101, intake: [0.5, 0.5], interventionYears: 2 });
    const sampler = new ContractOutcomeSampler(contract);
    const started = drawMany(sampler, TRIALS, () => sampler.outcomes.started[0]);
    expect(new Set(started)).toEqual(new Set([50, 51]));
    const mean = started.reduce((sum, value) => sum + value, 0) / TRIALS;
    expect(Math.abs(mean - 50.5)).toBeLessThan(4 * (0.5 / Math.sqrt(TRIALS)));
  });

  it('gives the expected outcomes in every trial without cohort sampling and without uncertainty', () => {
    const contract = singleCohort({ outcomeLagYears: [0.25, 0.75] });
    const expected = expectedOutcomes(contract);
    const sampler = new ContractOutcomeSampler(contract, { cohortSampling: false });
    drawMany(sampler, 3, () => 0);
    const o = sampler.outcomes;
    // 100 starts, 10 drop out, 90 complete: 22.5 measured in year 1 and 67.5 in year 2;
    // gross = measured × 0.5, additional = measured × 0.3.
    expect(o.measured).toEqual([22.5, 67.5]);
    expect(o.grossSuccesses).toEqual(expected.grossSuccesses.map((d) => d.toNumber()));
    expect(o.additionalSuccesses[0]).toBeCloseTo(6.75, 12);
    expect(o.additionalSuccesses[1]).toBeCloseTo(20.25, 12);
  });

  it('draws uncertain rates from the fitted Beta, whose mean is the contract’s rate', () => {
    // Beta with mean 0.5 and concentration 40 (effective sample size): sd = √(0.25 / 41) ≈
    // 0.0781, so the mean of TRIALS draws lies within 4 × 0.0781 / √TRIALS ≈ 0.0022 of 0.5.
    const contract = singleCohort();
    const rates = contractRateDistributions(contract, {
      grossSuccessRate: { effectiveSampleSize: 40 },
    });
    const sampler = new ContractOutcomeSampler(contract, { rates });
    const drawn = drawMany(sampler, TRIALS, () => sampler.drawn.grossSuccessRate);
    const mean = drawn.reduce((sum, value) => sum + value, 0) / TRIALS;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * (Math.sqrt(0.25 / 41) / Math.sqrt(TRIALS)));
    expect(new Set(drawn).size).toBeGreaterThan(TRIALS / 2);
  });
});
