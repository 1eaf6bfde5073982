import { handGains, investorContract } from '../contract/contract.fixture';
import type { Contract } from '../contract/types';
import { deterministicEvaluator, monteCarloEvaluator } from './evaluators';
import { solveLever } from './solve';
import type { AgreementConditions } from './types';

/** The hand contract of solve.spec.ts: investor IRR = 20p / 1.000.000 − 1, kommune net = 1.600.000 − 20p. */
const GAINS = handGains([
  [80000, 0, 0],
  [0, 0, 0],
]);

function handContract(): Contract {
  return investorContract(
    {
      tranches: [{ id: 'senior', seniority: 'senior', share: 1, interestRate: 0 }],
      repayment: { mode: 'asEarned' },
      excessPayments: 'toInvestors',
    },
    {
      horizonYears: 3,
      paymentModel: {
        components: [
          {
            kind: 'rateCard',
            id: 'per-additional-success',
            metric: 'additionalSuccesses',
            price: '60000',
            paymentDelayYears: 0,
          },
        ],
      },
    },
  );
}

const PROBLEM = {
  contract: handContract(),
  lever: { name: 'pricePerOutcome' as const, min: 0, max: 120000 },
  conditions: {
    investor: { maxLossProbability: 0.3 },
    kommune: { maxNetNegativeProbability: 0.2 },
  } satisfies AgreementConditions,
};

describe('solveLever with the Monte Carlo', () => {
  it('gives the same zone, evaluations and candidates for the same seed', async () => {
    const run = () =>
      solveLever(
        PROBLEM,
        monteCarloEvaluator(
          { gains: GAINS, uncertainty: { grossSuccessRate: { interval90: [0.3, 0.5] } } },
          { trials: 400, seed: 'negotiation' },
        ),
        { gridPoints: 13, tolerance: 10 },
      );
    const [first, second] = [await run(), await run()];
    expect(second).toEqual(first);
    expect(first.method).toMatchObject({
      kind: 'monteCarlo',
      trials: 400,
      seed: 'negotiation',
      commonRandomNumbers: true,
    });
  });

  it('with uncertain success, the investor needs a higher price than without', async () => {
    // Deterministic: P(loss) = 0 from p = 50.000 (20p ≥ 1.000.000); kommune P(net < 0) = 0 up to
    // p = 80.000. With the success rate uncertain (90% in 30–50%), trials with fewer successes
    // repay less: the investor needs a higher price to lose in at most 30% of the trials. The
    // kommune gains 80.000 kr. and pays p per additional success whatever their number, so its
    // net is ≥ 0 in every trial up to p = 80.000: its bound stays.
    const exact = await solveLever(PROBLEM, deterministicEvaluator(GAINS), {
      gridPoints: 13,
      tolerance: 10,
    });
    const uncertain = await solveLever(
      PROBLEM,
      monteCarloEvaluator(
        { gains: GAINS, uncertainty: { grossSuccessRate: { interval90: [0.3, 0.5] } } },
        { trials: 400, seed: 'negotiation' },
      ),
      { gridPoints: 13, tolerance: 10 },
    );
    expect(exact.zones).toHaveLength(1);
    expect(uncertain.zones).toHaveLength(1);
    expect(uncertain.zones[0].from.value).toBeGreaterThan(exact.zones[0].from.value + 1000);
    expect(uncertain.zones[0].from.binding).toEqual(['investor.maxLossProbability']);
    expect(uncertain.zones[0].to.value).toBeCloseTo(80000, -1);
  });

  it('without any uncertainty or sampling equals the deterministic projection', async () => {
    // cohortSampling false + fixed rates: every trial is the expected projection, so the zone
    // is the closed form [50.000, 80.000] within the 1 kr. tolerance.
    const solution = await solveLever(
      PROBLEM,
      monteCarloEvaluator(
        { gains: GAINS, uncertainty: { cohortSampling: false } },
        { trials: 16, seed: 1 },
      ),
      { gridPoints: 13, tolerance: 1 },
    );
    expect(solution.zones).toHaveLength(1);
    expect(solution.zones[0].from.value).toBeGreaterThanOrEqual(50000);
    expect(solution.zones[0].from.value).toBeLessThanOrEqual(50001);
    expect(solution.zones[0].to.value).toBeLessThanOrEqual(80000);
    expect(solution.zones[0].to.value).toBeGreaterThanOrEqual(79999);
  });
});
