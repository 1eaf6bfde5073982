import { baseContract, investorContract } from '../contract/contract.fixture';
import { InvalidInputError } from '../shared/errors';
import { checkConditions, flattenConditions } from './conditions';
import type { ActorMetrics, CandidateMetrics } from './types';

const quiet: ActorMetrics = {
  netNegativeProbability: 0,
  expectedNet: 0,
  medianCumulativeNet: [0, 0, 0],
};

/** A 3-year candidate from 2024: the kommune's median path dips, then recovers in 2026. */
function metrics(overrides: Partial<CandidateMetrics['actors']> = {}): CandidateMetrics {
  return {
    startYear: 2024,
    horizonYears: 3,
    actors: {
      kommune: {
        netNegativeProbability: 0.3,
        expectedNet: 150000,
        medianCumulativeNet: [-500000, -20000, 120000],
      },
      region: quiet,
      stat: quiet,
      investor: {
        netNegativeProbability: null,
        expectedNet: 50000,
        medianCumulativeNet: [-1e6, -5e5, 5e4],
      },
      provider: {
        netNegativeProbability: null,
        expectedNet: -0.001,
        medianCumulativeNet: [0, 0, 0],
      },
      ...overrides,
    },
    investor: { expectedIrr: 0.031, lossProbability: 0.12 },
  };
}

describe('conditions', () => {
  it('judges break-even by a year on the lowest median cumulative net from that year on', () => {
    const contract = investorContract({}, { horizonYears: 3 });
    const conditions = flattenConditions(
      { kommune: { breakEvenByYear: 2025 }, region: { breakEvenByYear: 2026 } },
      contract,
    );
    const [kommune, region] = checkConditions(conditions, metrics());
    // From 2025: min(−20.000, 120.000) = −20.000 kr.: 20.000 kr. short.
    expect(kommune).toEqual({
      id: 'kommune.breakEvenByYear',
      value: -20000,
      holds: false,
      margin: -20000,
    });
    // The region's path is 0 throughout: break-even at 0 holds.
    expect(region.holds).toBe(true);
  });

  it('measures each limit against its own quantity, with the slack in its unit', () => {
    const contract = investorContract({}, { horizonYears: 3 });
    const conditions = flattenConditions(
      {
        investor: { minExpectedIrr: 0.04, maxLossProbability: 0.15 },
        kommune: { maxNetNegativeProbability: 0.25, minExpectedNet: '100000' },
        provider: { revenueCoversBudget: true },
      },
      contract,
    );
    const checks = checkConditions(conditions, metrics());
    expect(checks.map((c) => [c.id, c.holds])).toEqual([
      ['investor.minExpectedIrr', false], // 3,1 % < 4 %
      ['investor.maxLossProbability', true], // 12 % ≤ 15 %
      ['kommune.maxNetNegativeProbability', false], // 30 % > 25 %
      ['kommune.minExpectedNet', true], // 150.000 ≥ 100.000
      ['provider.revenueCoversBudget', true], // −0,001 kr. is within half an øre of 0
    ]);
    expect(checks[0].margin).toBeCloseTo(-0.009, 12); // 0,031 − 0,04
    expect(checks[2].margin).toBeCloseTo(-0.05, 12); // 0,25 − 0,30
    expect(checks[3].margin).toBe(50000);
  });

  it('lists every problem of a conditions document with its path', () => {
    let error: unknown;
    try {
      flattenConditions(
        {
          investor: { minExpectedIrr: 2 },
          kommune: { breakEvenByYear: 2040, revenueCoversBudget: true },
          municipality: {},
        } as never,
        baseContract(),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).violations).toEqual([
      { path: 'conditions.investor.minExpectedIrr', message: 'the contract has no investors' },
      {
        path: 'conditions.kommune.breakEvenByYear',
        message: 'must be a calendar year from 2024 to 2029, got 2040',
      },
      {
        path: 'conditions.kommune.revenueCoversBudget',
        message: 'only provider can state revenueCoversBudget',
      },
      {
        path: 'conditions.municipality',
        message: 'unknown party; expected one of kommune, region, stat, investor, provider',
      },
    ]);
  });

  it('asks for at least one condition', () => {
    expect(() => flattenConditions({}, baseContract())).toThrow(
      new InvalidInputError([
        { path: 'conditions', message: 'state at least one condition for at least one party' },
      ]),
    );
  });
});
