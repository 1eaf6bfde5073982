import fc from 'fast-check';
import { baseContract, handGains, investorContract } from '../contract/contract.fixture';
import { compileContract, type Contract, type PaymentComponent } from '../contract';
import { floatArith } from '../shared/arith';
import { ContractOutcomeSampler, contractRateDistributions } from './contract-outcome-sampler';
import {
  CONTRACT_TRIALS_TASK,
  plainGainProfile,
  readScalar,
  type ContractTaskOutputs,
  type ScalarOutput,
} from './contract-task';
import {
  BREAK_EVEN_NEVER,
  breakEvenCode,
  createTrialResult,
  MONTE_CARLO_ACTORS,
  outcomeSeriesRead,
  TrialEvaluator,
} from './contract-trial';
import { blockStream } from './rng';
import { runTrials } from './runner';

/** 10,000 kr. to the kommune in each of the 5 years after a success, nothing to region and stat. */
const GAINS = handGains([
  [10000, 0, 2000],
  [10000, 0, 2000],
  [10000, 0, 2000],
  [10000, 0, 2000],
  [10000, 0, 2000],
]);

const OUTPUTS: ContractTaskOutputs = {
  scalars: ['outcomePayments', 'additionalSuccesses'],
  breakEven: false,
  cumulativeNetTrials: 0,
  precision: 64,
};

async function perTrial(contract: Contract, trials: number, seed: string) {
  const run = await runTrials({
    task: CONTRACT_TRIALS_TASK.name,
    params: { contract, gains: plainGainProfile(GAINS), sampler: {}, outputs: OUTPUTS },
    trials,
    seed,
  });
  const read = (name: ScalarOutput) => Array.from(readScalar(run.columns, OUTPUTS, name, trials));
  return { payments: read('outcomePayments'), additional: read('additionalSuccesses') };
}

/** The fixture's 100 starts, no dropout, measured in year 2: additional ~ Binomial(100, 0.2). */
function withComponent(component: PaymentComponent, overrides: Partial<Contract> = {}): Contract {
  return { ...baseContract(), paymentModel: { components: [component] }, ...overrides };
}

describe('the payment model applied per trial', () => {
  it('pays min(price × additional successes, cap) in every trial, the cap binding in some only', async () => {
    // 50,000 kr. per additional success under a cap of 1,000,000 kr.: the cap binds exactly when
    // a trial has more than 20 additional successes (the mean is 100 × (0.4 − 0.2) = 20).
    const contract = withComponent({
      kind: 'rateCard',
      id: 'per-job',
      metric: 'additionalSuccesses',
      price: '50000',
      cap: '1000000',
      paymentDelayYears: 0,
    });
    const { payments, additional } = await perTrial(contract, 3000, 'cap');
    additional.forEach((count, t) => {
      expect({ trial: t, additional: count, paid: payments[t] }).toEqual({
        trial: t,
        additional: count,
        paid: Math.min(50000 * count, 1000000),
      });
    });
    expect(additional.some((count) => count > 20)).toBe(true);
    expect(additional.some((count) => count < 20)).toBe(true);
  });

  it('pays nothing exactly in the trials that miss the threshold, and the schedule above it', async () => {
    // No deadweight, so additional = gross successes of the 100 measured; the cohort's
    // improvement is gross/100 − 0.25 (comparison rate 0.25): below 0.125 (fewer than 38
    // successes) nothing is paid, from 0.125 500,000 kr., from 0.25 (50 successes) 800,000 kr.
    const contract = withComponent({
      kind: 'threshold',
      id: 'cohort',
      measurementYear: 2,
      comparisonRate: 0.25,
      improvement: 'percentagePoints',
      interpolation: 'stepped',
      schedule: [
        { improvement: 0.125, payment: '500000' },
        { improvement: 0.25, payment: '800000' },
      ],
      paymentDelayYears: 0,
    });
    contract.intervention = { ...contract.intervention, deadweightRate: 0 };
    const { payments, additional } = await perTrial(contract, 3000, 'threshold');
    const expected = (successes: number) => (successes < 38 ? 0 : successes < 50 ? 500000 : 800000);
    additional.forEach((count, t) => {
      expect({ trial: t, successes: count, paid: payments[t] }).toEqual({
        trial: t,
        successes: count,
        paid: expected(count),
      });
    });
    expect(payments.some((paid) => paid === 0)).toBe(true);
    expect(payments.some((paid) => paid > 0)).toBe(true);
  });

  it('never pays more than the total cap, whatever the price and cap (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1000, max: 200000 }),
        fc.integer({ min: 0, max: 5000000 }),
        async (price, cap) => {
          const contract = withComponent({
            kind: 'rateCard',
            id: 'per-success',
            metric: 'grossSuccesses',
            price: String(price),
            paymentDelayYears: 0,
          });
          contract.paymentModel = { ...contract.paymentModel!, caps: { total: String(cap) } };
          const { payments } = await perTrial(contract, 200, `cap-${price}-${cap}`);
          return payments.every((paid) => paid <= cap + 1e-6);
        },
      ),
      { seed: 20241123, numRuns: 25 },
    );
  });
});

describe('TrialEvaluator', () => {
  /** Investors repaid per success above the baseline, payers in proportion to their SØM gains. */
  const rateCard: Contract = investorContract(
    {},
    {
      gainSharing: { basis: 'somGains' },
      paymentModel: {
        components: [
          { kind: 'baselineAdjusted', id: 'jobs', price: '60000', paymentDelayYears: 0 },
        ],
        caps: { total: '1300000' },
      },
    },
  );

  it('applies the SØM gain factor after the evaluation exactly as evaluating the scaled contract', () => {
    const compiled = compileContract(rateCard, GAINS, floatArith);
    const fast = new TrialEvaluator(compiled, { gainsUncertain: true });
    const direct = new TrialEvaluator(compiled, {
      gainsUncertain: true,
      memo: false,
      linearGains: false,
    });
    expect(fast.gainsAppliedAfter).toBe(true);
    const sampler = new ContractOutcomeSampler(rateCard, { somGainsCoefficientOfVariation: 0.3 });
    const stream = blockStream('gain-factor', 0);
    const [a, b] = [createTrialResult(6), createTrialResult(6)];
    for (let t = 0; t < 500; t++) {
      sampler.draw(stream);
      fast.evaluate(sampler.outcomes, sampler.drawn.somGainFactor, a);
      direct.evaluate(sampler.outcomes, sampler.drawn.somGainFactor, b);
      // Same flows up to float rounding (1e-9 relative to amounts of millions).
      a.cumulativeNet.forEach((value, i) => expect(value).toBeCloseTo(b.cumulativeNet[i], 3));
      a.somGains.forEach((value, i) => expect(value).toBeCloseTo(b.somGains[i], 3));
      expect(a.outcomePayments).toBeCloseTo(b.outcomePayments, 3);
      expect(a.investorIrr).toBe(b.investorIrr);
      expect(Array.from(a.breakEvenYear)).toEqual(Array.from(b.breakEvenYear));
    }
    expect(fast.memoStatistics().hits).toBeGreaterThan(0);
  });

  it('drops its memo when few trials repeat, without changing any trial', () => {
    // Expected counts at a Beta-drawn success rate: fractional, so no two trials share a key and
    // the memo is dropped after 4,096 lookups; every trial must still equal the memo-free path.
    const compiled = compileContract(rateCard, GAINS, floatArith);
    const evaluator = new TrialEvaluator(compiled, { gainsUncertain: false });
    const reference = new TrialEvaluator(compiled, { gainsUncertain: false, memo: false });
    const sampler = new ContractOutcomeSampler(rateCard, {
      rates: contractRateDistributions(rateCard, { grossSuccessRate: { interval90: [0.3, 0.5] } }),
      cohortSampling: false,
    });
    const stream = blockStream('no-repeats', 0);
    const [a, b] = [createTrialResult(6), createTrialResult(6)];
    for (let t = 0; t < 6000; t++) {
      sampler.draw(stream);
      evaluator.evaluate(sampler.outcomes, 1, a);
      reference.evaluate(sampler.outcomes, 1, b);
      expect(a).toEqual(b);
    }
    // Looked up 4,096 trials, found none, then stopped looking.
    expect(evaluator.memoStatistics()).toMatchObject({ hits: 0, misses: 4096 });
  });

  it('keys the memo only on the outcome series the contract reads', () => {
    // No payment model and a total cost: the cost follows the starts, the gains the additional
    // successes. A baseline component adds measured and gross successes.
    const plain = compileContract(baseContract(), GAINS, floatArith);
    expect(outcomeSeriesRead(plain, {})).toEqual(['started', 'additionalSuccesses']);
    const paid = compileContract(rateCard, GAINS, floatArith);
    expect(outcomeSeriesRead(paid, {})).toEqual([
      'started',
      'measured',
      'grossSuccesses',
      'additionalSuccesses',
    ]);
  });

  it('reports an IRR of −100% when the investors get nothing back, and no investor outputs without capital', () => {
    // Price 0: nothing is ever paid, so the investors lose the 1,000,000 kr. drawn.
    const nothingPaid: Contract = {
      ...rateCard,
      paymentModel: {
        components: [{ kind: 'baselineAdjusted', id: 'jobs', price: '0', paymentDelayYears: 0 }],
      },
    };
    const evaluator = new TrialEvaluator(compileContract(nothingPaid, GAINS, floatArith), {
      gainsUncertain: false,
    });
    const sampler = new ContractOutcomeSampler(nothingPaid);
    sampler.draw(blockStream('loss', 0));
    const result = createTrialResult(6);
    evaluator.evaluate(sampler.outcomes, 1, result);
    expect(result.investorIrr).toBe(-1);
    expect(result.investorMultiple).toBe(0);

    const noCapital = new TrialEvaluator(compileContract(baseContract(), GAINS, floatArith), {
      gainsUncertain: false,
    });
    noCapital.evaluate(sampler.outcomes, 1, result);
    expect(result.investorIrr).toBeNaN();
    expect(result.investorMultiple).toBeNaN();
    expect(result.breakEvenYear[MONTE_CARLO_ACTORS.indexOf('investor')]).toBe(255);
  });
});

describe('breakEvenCode', () => {
  it('is the first year from which the cumulative net stays at or above zero, as the projection’s', () => {
    expect(breakEvenCode([-5, 3, -1, 2, 4], 0, 5)).toBe(4);
    expect(breakEvenCode([-1, 1], 0, 2)).toBe(2);
    expect(breakEvenCode([1, 2], 0, 2)).toBe(1);
    expect(breakEvenCode([1, -1], 0, 2)).toBe(BREAK_EVEN_NEVER);
    // Float noise within half an øre of zero counts as zero.
    expect(breakEvenCode([-100, -0.001, 0.004], 0, 3)).toBe(2);
    // An offset reads a later actor's series.
    expect(breakEvenCode([9, 9, -3, 5], 2, 2)).toBe(2);
  });
});
