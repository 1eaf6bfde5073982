import fc from 'fast-check';
import { handGains, investorContract } from '../contract/contract.fixture';
import type { Contract } from '../contract/types';
import { InvalidInputError } from '../shared/errors';
import { deterministicEvaluator } from './evaluators';
import { mapLevers, solveLever } from './solve';
import type { AgreementConditions } from './types';

/**
 * A contract small enough to solve by hand. 100 participants start in 2024 (contract year 1), the
 * investor draws the whole cost of 1.000.000 kr. in year 1; 40% succeed, 20 points of them would
 * have anyway, so 20 additional successes are measured in year 2 and paid at `price` each in
 * year 2 (rate card, as earned, all of it to the investor: 0% interest, excess to investors).
 * The kommune gains 80.000 kr. per additional success in the year after it (year 3, the horizon).
 *   investor flows  [−1.000.000, 20 × price, 0]  → IRR = 20 × price / 1.000.000 − 1,
 *                                                  multiple = 20 × price / 1.000.000
 *   kommune net     20 × 80.000 − 20 × price = 1.600.000 − 20 × price
 */
const GAINS = handGains([
  [80000, 0, 0],
  [0, 0, 0],
]);

function handContract(price = '60000'): Contract {
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
            price,
            paymentDelayYears: 0,
          },
        ],
      },
    },
  );
}

const PRICE_LEVER = { name: 'pricePerOutcome' as const, min: 0, max: 120000 };

describe('solveLever on a deterministic contract', () => {
  it('finds the price range bounded below by the investor hurdle and above by the kommune', async () => {
    // Investor IRR ≥ 4%:   20p / 1.000.000 − 1 ≥ 0,04  ⇔ p ≥ 52.000 kr.
    // Kommune net ≥ 0:     1.600.000 − 20p ≥ 0        ⇔ p ≤ 80.000 kr.
    const conditions: AgreementConditions = {
      investor: { minExpectedIrr: 0.04 },
      kommune: { maxNetNegativeProbability: 0 },
    };
    const solution = await solveLever(
      { contract: handContract(), lever: PRICE_LEVER, conditions },
      deterministicEvaluator(GAINS),
      { gridPoints: 13, tolerance: 1 },
    );

    expect(solution.feasible).toBe(true);
    expect(solution.zones).toHaveLength(1);
    const [zone] = solution.zones;
    // The reported ends are feasible and within the 1 kr. tolerance of the true boundary.
    expect(zone.from.value).toBeGreaterThanOrEqual(52000);
    expect(zone.from.value).toBeLessThanOrEqual(52001);
    expect(zone.from.binding).toEqual(['investor.minExpectedIrr']);
    // At exactly 80.000 kr. the kommune nets 0, which is not negative: the end is the boundary.
    expect(zone.to.value).toBe(80000);
    expect(zone.to.binding).toEqual(['kommune.maxNetNegativeProbability']);
    expect(solution.best).toBeNull();
  });

  it('states its tolerance and counts its evaluations: 13 grid values and 14 bisections per end', async () => {
    // Grid 0, 10.000, …, 120.000 (13 values). Each end is bracketed 10.000 kr. wide and halved
    // until ≤ 1 kr.: 10.000 / 2^14 = 0,61 ≤ 1 < 10.000 / 2^13, so 14 evaluations per end.
    // 13 + 2 × 14 = 41.
    const solution = await solveLever(
      {
        contract: handContract(),
        lever: PRICE_LEVER,
        conditions: {
          investor: { minExpectedIrr: 0.04 },
          kommune: { maxNetNegativeProbability: 0 },
        },
      },
      deterministicEvaluator(GAINS),
      { gridPoints: 13, tolerance: 1 },
    );
    expect(solution.method).toMatchObject({
      kind: 'deterministic',
      commonRandomNumbers: false,
      gridPoints: 13,
      tolerance: 1,
      evaluations: 41,
    });
    expect(solution.candidates).toHaveLength(41);
  });

  it('reports the condition that cannot be met and by how much at the closest price', async () => {
    // Investor: multiple ≥ 1 ⇔ 20p ≥ 1.000.000 ⇔ p ≥ 50.000 kr.
    // Kommune: net ≥ 700.000 ⇔ 1.600.000 − 20p ≥ 700.000 ⇔ p ≤ 45.000 kr. No price does both.
    // Below 45.000 the investor loses with certainty (shortfall 1 in probability); from 50.000
    // only the kommune falls short, least at p = 50.000: 1.600.000 − 1.000.000 = 600.000 kr.,
    // 100.000 kr. short of its 700.000 kr.
    const solution = await solveLever(
      {
        contract: handContract(),
        lever: PRICE_LEVER,
        conditions: { investor: { maxLossProbability: 0 }, kommune: { minExpectedNet: '700000' } },
      },
      deterministicEvaluator(GAINS),
      { gridPoints: 13, tolerance: 1 },
    );
    expect(solution.feasible).toBe(false);
    expect(solution.zones).toEqual([]);
    expect(solution.best?.value).toBe(50000);
    expect(solution.best?.failing).toHaveLength(1);
    const [failing] = solution.best!.failing;
    expect(failing.id).toBe('kommune.minExpectedNet');
    expect(failing.value).toBe(600000);
    expect(failing.margin).toBe(-100000);
  });

  it('marks the whole range feasible when no condition binds inside it', async () => {
    // Investor multiple ≥ 1 needs p ≥ 50.000; searching 60.000–70.000 only, every value holds.
    const solution = await solveLever(
      {
        contract: handContract(),
        lever: { name: 'pricePerOutcome', min: 60000, max: 70000 },
        conditions: { investor: { maxLossProbability: 0 } },
      },
      deterministicEvaluator(GAINS),
      { gridPoints: 5 },
    );
    expect(solution.zones).toEqual([
      {
        from: { value: 60000, bound: 'rangeLimit', binding: [] },
        to: { value: 70000, bound: 'rangeLimit', binding: [] },
      },
    ]);
    expect(solution.method.evaluations).toBe(5);
  });

  it('rejects conditions an investor-less contract cannot judge, naming the path', async () => {
    const { capital: _capital, ...rest } = handContract();
    void _capital;
    const withoutInvestor: Contract = {
      ...rest,
      costBearer: 'authority',
      parties: rest.parties.filter((p) => p.role !== 'investor'),
    };
    await expect(
      solveLever(
        {
          contract: withoutInvestor,
          lever: PRICE_LEVER,
          conditions: { investor: { minExpectedIrr: 0.04 } },
        },
        deterministicEvaluator(GAINS),
      ),
    ).rejects.toThrow(
      new InvalidInputError([
        { path: 'conditions.investor.minExpectedIrr', message: 'the contract has no investors' },
      ]),
    );
  });

  it('finds the closed-form zone for any hurdle and kommune floor (property, fixed seed)', async () => {
    // p_low = 50.000 × (1 + hurdle); p_high = (1.600.000 − floor) / 20.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 60 }),
        async (hurdlePercent, floorTenThousands) => {
          const hurdle = hurdlePercent / 100;
          const floor = floorTenThousands * 10000;
          const low = 50000 * (1 + hurdle);
          const high = (1600000 - floor) / 20;
          const solution = await solveLever(
            {
              contract: handContract(),
              lever: PRICE_LEVER,
              conditions: {
                investor: { minExpectedIrr: hurdle },
                kommune: { minExpectedNet: String(floor) },
              },
            },
            deterministicEvaluator(GAINS),
            { gridPoints: 25, tolerance: 1 },
          );
          if (low > high + 1) {
            expect(solution.feasible).toBe(false);
            return;
          }
          if (high - low < 5000) return; // narrower than a grid step: may fall between grid values
          expect(solution.zones).toHaveLength(1);
          expect(solution.zones[0].from.value).toBeGreaterThanOrEqual(low - 1e-6);
          expect(solution.zones[0].from.value).toBeLessThanOrEqual(low + 1);
          expect(solution.zones[0].to.value).toBeLessThanOrEqual(high);
          expect(solution.zones[0].to.value).toBeGreaterThanOrEqual(high - 1);
        },
      ),
      { seed: 20241123, numRuns: 25 },
    );
  });
});

describe('mapLevers', () => {
  it('marks the cells of price × total cap where the investor is repaid and the kommune gains', async () => {
    // Payments = min(20p, cap). Investor multiple ≥ 1 ⇔ min(20p, cap) ≥ 1.000.000;
    // kommune net ≥ 0 ⇔ min(20p, cap) ≤ 1.600.000 (always true while the cap is ≤ 1.600.000).
    // Price 0, 40.000, 80.000, 120.000 × cap 0, 800.000, 1.600.000: feasible where
    // p ≥ 50.000 (20p ≥ 1.000.000) and cap ≥ 1.000.000, i.e. p ∈ {80.000, 120.000} with cap
    // 1.600.000: 2 cells; at p = 80.000 the payment is exactly 1.600.000, the kommune nets 0.
    const map = await mapLevers(
      {
        contract: handContract(),
        levers: [
          { name: 'pricePerOutcome', min: 0, max: 120000 },
          { name: 'totalCap', min: 0, max: 1600000 },
        ],
        conditions: {
          investor: { maxLossProbability: 0 },
          kommune: { maxNetNegativeProbability: 0 },
        },
      },
      deterministicEvaluator(GAINS),
      { gridPoints: [4, 3] },
    );
    expect(map.axes).toEqual([
      [0, 40000, 80000, 120000],
      [0, 800000, 1600000],
    ]);
    expect(map.cells.map((row) => row.map((cell) => cell.feasible))).toEqual([
      [false, false, false],
      [false, false, false],
      [false, false, true],
      [false, false, true],
    ]);
    expect(map.feasibleCount).toBe(2);
    expect(map.method.evaluations).toBe(12);
    expect(map.cells[0][2].failing).toEqual(['investor.maxLossProbability']);
  });
});
